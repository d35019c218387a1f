package io.kbt.feeds;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kbt.engine.event.BookSide;
import io.kbt.feeds.write.KalshiWsWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The feeds JSON layer against plain Jackson on the same input, one pass per invocation. Reading: the real
 * websocket session (2,898 frames, 758 KB) decoded by {@link WsFrame} (Jackson's streaming parser, fields picked
 * by name) against {@code ObjectMapper.readTree} per line with the same fields taken from the tree. Writing:
 * 100,000 delta frames by {@link KalshiWsWriter} (its hand-written {@code AsciiOut}) against Jackson's
 * {@link JsonGenerator} writing the same frames, both into a discarding stream. Loading: 100,000 delta frames as
 * {@code kbt generate} writes them, read by {@link WsFrameScanner} (the hot path of {@code --data}), by Jackson
 * into {@link WsFrame}, and only tokenised by Jackson's byte parser. It sits in package
 * {@code io.kbt.feeds} to reach the package-private frame decoder.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class JsonLayerBench {
    private static final int WRITTEN_DELTAS = 100_000;
    private static final String[] TICKERS = {"KXGEN-26JUL01-T0", "KXGEN-26JUL01-T1", "KXGEN-26JUL01-T2"};
    private static final DateTimeFormatter TS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final long START = Instant.parse("2026-07-01T13:30:00Z").toEpochMilli() * 1000;
    private static final OutputStream DISCARD = OutputStream.nullOutputStream();

    @Param("../shared/data")
    public String data;

    private char[][] lines;
    /** 100,000 delta frames as {@code kbt generate} writes them (90% of a generated recording's frames). */
    private byte[][] deltaBytes;
    private char[][] deltaChars;
    private final WsFrameScanner scanner = new WsFrameScanner();
    private final JsonFields fields = new JsonFields("session.jsonl");
    private final ObjectMapper mapper = fields.mapper();
    private final WsFrame frame = new WsFrame(mapper.getFactory(), fields);
    /** Leaves the shared discarding stream open, as {@link KalshiWsWriter#flush} does. */
    private final JsonFactory factory = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        List<String> all = Files.readAllLines(Path.of(data, "kalshi-ws-2026-07/session.jsonl"));
        lines = all.stream().filter(l -> !l.isBlank()).map(String::toCharArray).toArray(char[][]::new);
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        KalshiWsWriter writer = new KalshiWsWriter(written);
        for (int i = 0; i < WRITTEN_DELTAS; i++) {
            writer.delta(TICKERS[i % TICKERS.length], i % 2 == 0 ? BookSide.YES : BookSide.NO, 30 + i % 10,
                    (i % 2 == 0 ? 184 : -184) * 100L, START + i * 100L);
        }
        writer.flush();
        String[] deltas = written.toString(StandardCharsets.US_ASCII).split("\n");
        deltaBytes = Arrays.stream(deltas).map(l -> l.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
        deltaChars = Arrays.stream(deltas).map(String::toCharArray).toArray(char[][]::new);
    }

    /** The loader's hot path on delta frames: {@link WsFrameScanner} straight from the line's bytes. */
    @Benchmark
    public void scanDeltas(Blackhole hole) {
        for (byte[] line : deltaBytes) {
            if (!scanner.scan(frame, line, 0, line.length)) {
                throw new IllegalStateException("not scanned: " + new String(line, StandardCharsets.US_ASCII));
            }
            hole.consume(frame.seq);
            hole.consume(frame.ts);
        }
    }

    /** The same delta frames through Jackson's streaming parser into {@link WsFrame} (the path before the scanner). */
    @Benchmark
    public void parseDeltasJackson(Blackhole hole) {
        for (char[] line : deltaChars) {
            frame.parse(line, line.length);
            hole.consume(frame.seq);
            hole.consume(frame.ts);
        }
    }

    /**
     * Jackson's floor on the same frames: its byte parser only tokenising each line, no value taken out; what any
     * Jackson-based reader would pay at least.
     */
    @Benchmark
    public void tokensOnlyDeltasJackson(Blackhole hole) throws IOException {
        JsonFactory plain = mapper.getFactory();
        for (byte[] line : deltaBytes) {
            try (JsonParser parser = plain.createParser(line, 0, line.length)) {
                int tokens = 0;
                while (parser.nextToken() != null) {
                    tokens++;
                }
                hole.consume(tokens);
            }
        }
    }

    /** kbt's path: one streaming pass per frame into the reused {@link WsFrame}. */
    @Benchmark
    public void readWsFrame(Blackhole hole) {
        for (char[] line : lines) {
            frame.parse(line, line.length);
            hole.consume(frame.type);
            hole.consume(frame.seq);
            hole.consume(frame.marketTicker);
            hole.consume(frame.priceDollars);
            hole.consume(frame.deltaFp);
            hole.consume(frame.levels);
        }
    }

    /** Plain Jackson: a tree per line, the same fields (both generations, levels kept as text) taken from it. */
    @Benchmark
    public void readTreePerLine(Blackhole hole) throws IOException {
        for (char[] line : lines) {
            JsonNode root = mapper.readTree(new String(line));
            JsonNode msg = root.path("msg");
            hole.consume(JsonValue.of(root.get("type")));
            hole.consume(JsonValue.of(root.get("sid")));
            hole.consume(JsonValue.of(root.get("seq")));
            for (String name : new String[] {"market_ticker", "price", "price_dollars", "delta", "delta_fp", "side",
                    "ts", "ts_ms", "yes_price", "no_price", "yes_price_dollars", "no_price_dollars", "count",
                    "count_fp", "taker_side"}) {
                hole.consume(JsonValue.of(msg.get(name)));
            }
            for (String name : WsFrame.LEVEL_FIELDS) {
                for (JsonNode level : msg.path(name)) {
                    hole.consume(new JsonValue[] {JsonValue.of(level.get(0)), JsonValue.of(level.get(1))});
                }
            }
        }
    }

    /** kbt's path: {@link KalshiWsWriter} over {@code AsciiOut}. */
    @Benchmark
    public long writeAsciiOut() {
        KalshiWsWriter writer = new KalshiWsWriter(DISCARD);
        for (int i = 0; i < WRITTEN_DELTAS; i++) {
            writer.delta(TICKERS[i % TICKERS.length], i % 2 == 0 ? BookSide.YES : BookSide.NO, 30 + i % 10,
                    (i % 2 == 0 ? 184 : -184) * 100L, START + i * 100L);
        }
        writer.flush();
        return writer.frames();
    }

    /** Plain Jackson: the same frames through a {@link JsonGenerator}, one line each. */
    @Benchmark
    public long writeJsonGenerator() throws IOException {
        return generate(false);
    }

    /**
     * The generator again, with the time written as {@code AsciiOut} writes it (date cached, digits by hand), to
     * tell the generator's own cost from {@link DateTimeFormatter}'s.
     */
    @Benchmark
    public long writeJsonGeneratorHandTime() throws IOException {
        return generate(true);
    }

    private long generate(boolean handTime) throws IOException {
        long seq = 0;
        char[] time = "2026-07-01T00:00:00.000000Z".toCharArray();
        long day = Long.MIN_VALUE;
        try (JsonGenerator out = factory.createGenerator(DISCARD)) {
            out.setRootValueSeparator(null);
            for (int i = 0; i < WRITTEN_DELTAS; i++) {
                long ts = START + i * 100L;
                if (handTime) {
                    long micros = Math.floorMod(ts, 86_400_000_000L);
                    if (Math.floorDiv(ts, 86_400_000_000L) != day) {
                        day = Math.floorDiv(ts, 86_400_000_000L);
                        TS.format(Instant.ofEpochSecond(day * 86_400)).getChars(0, 10, time, 0);
                    }
                    digits(time, 11, 2, micros / 3_600_000_000L);
                    digits(time, 14, 2, micros / 60_000_000 % 60);
                    digits(time, 17, 2, micros / 1_000_000 % 60);
                    digits(time, 20, 6, micros % 1_000_000);
                }
                out.writeStartObject();
                out.writeStringField("type", "orderbook_delta");
                out.writeNumberField("sid", 1);
                out.writeNumberField("seq", ++seq);
                out.writeObjectFieldStart("msg");
                out.writeStringField("market_ticker", TICKERS[i % TICKERS.length]);
                out.writeNumberField("price", 30 + i % 10);
                out.writeNumberField("delta", i % 2 == 0 ? 184 : -184);
                out.writeStringField("side", i % 2 == 0 ? "yes" : "no");
                if (handTime) {
                    out.writeFieldName("ts");
                    out.writeString(time, 0, time.length);
                } else {
                    out.writeStringField("ts", TS.format(Instant.ofEpochSecond(ts / 1_000_000, ts % 1_000_000 * 1000)));
                }
                out.writeEndObject();
                out.writeEndObject();
                out.writeRaw('\n');
            }
        }
        return seq;
    }

    private static void digits(char[] into, int at, int width, long value) {
        for (int i = at + width - 1; i >= at; i--) {
            into[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
