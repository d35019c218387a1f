package io.kbt.bench;

import io.kbt.engine.event.MarketEvent;
import io.kbt.feeds.FeedReader;
import io.kbt.feeds.IndexCsvReader;
import io.kbt.feeds.KalshiWsReader;
import io.kbt.feeds.SeedCsvReader;
import io.kbt.feeds.TickerRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
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

/**
 * Reader throughput: whole files read through the feeds readers, one file per invocation. Divide the events a
 * file holds (printed at setup) by the time per invocation for events/s. {@code -p data=DIR} points at the shared
 * reference data; the generated file (1 M newer-format websocket deltas over 20 markets, plain and gzip) is
 * written to a temporary directory at setup.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FeedReadersBench {
    private static final int GENERATED_MARKETS = 20;
    private static final int GENERATED_DELTAS = 1_000_000;

    @Param("../shared/data")
    public String data;

    private Path session;
    private Path seed;
    private Path generated;
    private Path generatedGz;
    private Path index;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        session = Path.of(data, "kalshi-ws-2026-07/session.jsonl");
        seed = Path.of(data, "kalshi-2023-04/apr-10-combined.csv");
        Path dir = Files.createTempDirectory("kbt-bench");
        generated = dir.resolve("generated.jsonl");
        generatedGz = dir.resolve("generated.jsonl.gz");
        index = dir.resolve("index.csv");
        try (Writer plain = Files.newBufferedWriter(generated);
                Writer gz = new java.io.OutputStreamWriter(gzip(generatedGz), StandardCharsets.UTF_8);
                Writer csv = Files.newBufferedWriter(index)) {
            writeGenerated(plain);
            writeGenerated(gz);
            csv.write("ts,price\n");
            long t = Instant.parse("2026-07-01T13:30:00Z").toEpochMilli() * 1000;
            for (int i = 0; i < GENERATED_DELTAS; i++) {
                csv.write(Instant.ofEpochSecond(0, (t + i * 1000L) * 1000).toString() + "," + (4100 + i % 100 * 0.01)
                        + "\n");
            }
        }
        for (Path file : new Path[] {session, seed, generated, generatedGz, index}) {
            System.out.println(file.getFileName() + ": " + count(file) + " events");
        }
    }

    private static OutputStream gzip(Path file) throws IOException {
        return new GZIPOutputStream(Files.newOutputStream(file), 1 << 16);
    }

    private static void writeGenerated(Writer out) throws IOException {
        for (int m = 0; m < GENERATED_MARKETS; m++) {
            out.write("{\"type\":\"orderbook_snapshot\",\"sid\":1,\"seq\":" + (m + 1) + ",\"msg\":{\"market_ticker\":"
                    + "\"KXGEN-26JUL01-T" + m + "\",\"yes_dollars_fp\":[[\"0.4000\",\"100000.00\"]],"
                    + "\"no_dollars_fp\":[[\"0.5500\",\"100000.00\"]]}}\n");
        }
        long t = Instant.parse("2026-07-01T13:30:00Z").toEpochMilli() * 1000;
        for (int i = 0; i < GENERATED_DELTAS; i++) {
            long ts = t + i * 100L;
            Instant instant = Instant.ofEpochSecond(ts / 1_000_000, ts % 1_000_000 * 1000);
            out.write("{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":" + (GENERATED_MARKETS + i + 1)
                    + ",\"msg\":{\"market_ticker\":\"KXGEN-26JUL01-T" + (i % GENERATED_MARKETS)
                    + "\",\"market_id\":\"492cb255-91da-4c91-bc9e-f83d090cc6dd\",\"price_dollars\":\"0." + (30 + i % 10)
                    + "00\",\"delta_fp\":\"" + (i % 2 == 0 ? "" : "-") + "1.84\",\"side\":\"yes\",\"ts\":\""
                    + instant + "\",\"ts_ms\":" + ts / 1000 + "}}\n");
        }
    }

    private long count(Path file) {
        return readAll(open(file));
    }

    private FeedReader open(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".jsonl") || name.endsWith(".jsonl.gz")) {
            return new KalshiWsReader(file, new TickerRegistry());
        }
        if (name.equals("index.csv")) {
            return new IndexCsvReader(file, "SPX", new TickerRegistry());
        }
        return new SeedCsvReader(file, "INXD-23APR10-B4075", "SPX", new TickerRegistry());
    }

    private static long readAll(FeedReader reader) {
        long events = 0;
        try (reader) {
            for (MarketEvent e = reader.next(); e != null; e = reader.next()) {
                events++;
            }
        }
        return events;
    }

    @Benchmark
    public long realWebsocketSession() {
        return readAll(open(session));
    }

    @Benchmark
    public long realSeedCsv() {
        return readAll(open(seed));
    }

    @Benchmark
    public long generatedWebsocket() {
        return readAll(open(generated));
    }

    @Benchmark
    public long generatedWebsocketGzip() {
        return readAll(open(generatedGz));
    }

    @Benchmark
    public long generatedIndexCsv() {
        return readAll(open(index));
    }
}
