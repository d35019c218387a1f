package io.kbt.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken files of every kind: each must stop the read with a {@link BadInputException} whose message starts with
 * the file and the line of the problem (no line for an empty file).
 */
class BadInputCorpusTest {
    private static final String M = "KXNEXTTEAMNBA-26LJAM-MIA";
    private static final String OK = "{\"type\":\"ok\",\"id\":1,\"sid\":1,\"seq\":1,\"msg\":{}}";
    private static final String SNAPSHOT = "{\"type\":\"orderbook_snapshot\",\"sid\":1,\"seq\":2,\"msg\":{\"market_ticker\":\""
            + M + "\",\"yes_dollars_fp\":[[\"0.1600\",\"5.00\"]],\"no_dollars_fp\":[[\"0.8300\",\"1.43\"]]}}";
    private static final String INDEX_HEADER = "ts,price";

    @TempDir
    Path dir;

    private static String delta(int seq, String price, String count, String ts) {
        return "{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":" + seq + ",\"msg\":{\"market_ticker\":\"" + M
                + "\",\"price_dollars\":" + price + ",\"delta_fp\":" + count + ",\"side\":\"yes\",\"ts\":\"" + ts
                + "\"}}";
    }

    private static String deltaOld(int seq, String price, String count) {
        return "{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":" + seq + ",\"msg\":{\"market_ticker\":\"" + M
                + "\",\"price\":" + price + ",\"delta\":" + count + ",\"side\":\"no\",\"ts\":1782873105}}";
    }

    private static String trade(int seq, String count) {
        return "{\"type\":\"trade\",\"sid\":1,\"seq\":" + seq + ",\"msg\":{\"market_ticker\":\"" + M
                + "\",\"yes_price\":16,\"no_price\":84,\"count\":" + count + ",\"taker_side\":\"yes\",\"ts\":1782873105}}";
    }

    private static final String T1 = "2026-07-01T02:31:45.308599Z";
    private static final String T2 = "2026-07-01T02:31:46Z";

    private static Runnable ws(Path file) {
        return () -> TestFiles.readAll(new KalshiWsReader(file, new TickerRegistry()));
    }

    private static Runnable index(Path file) {
        return () -> TestFiles.readAll(new IndexCsvReader(file, "SPX", new TickerRegistry()));
    }

    private static Runnable seed(Path file) {
        return () -> TestFiles.readAll(new SeedCsvReader(file, "INXD-23APR10-B4075", "SPX", new TickerRegistry()));
    }

    private static Runnable trades(Path file) {
        return () -> TestFiles.readAll(new RestTradesReader(file, new TickerRegistry()));
    }

    private static Runnable markets(Path file) {
        return () -> new MarketsJsonReader(file).read();
    }

    private record Case(String name, String file, Function<Path, Runnable> reader, long line, String problem,
            String... lines) {}

    private static final String SEED_HEADER = "Time,Competitor,Operation,OrderId,Instrument,Side,Volume,Price,Lifespan,Fee";

    private static List<Case> cases() {
        return List.of(
                new Case("truncated JSON line", "trunc.jsonl", BadInputCorpusTest::ws, 3, "malformed JSON",
                        OK, SNAPSHOT, "{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":3,\"msg\":{\"market_ti"),
                new Case("price as an object", "type.jsonl", BadInputCorpusTest::ws, 3, "was an object",
                        OK, SNAPSHOT, delta(3, "{\"v\":\"0.16\"}", "\"1.00\"", T1)),
                new Case("integer price as a string", "type2.jsonl", BadInputCorpusTest::ws, 3, "was a string",
                        OK, SNAPSHOT, deltaOld(3, "\"16\"", "1")),
                new Case("price 0", "zero.jsonl", BadInputCorpusTest::ws, 3, "outside",
                        OK, SNAPSHOT, deltaOld(3, "0", "1")),
                new Case("price 100", "hundred.jsonl", BadInputCorpusTest::ws, 3, "outside",
                        OK, SNAPSHOT, deltaOld(3, "100", "1")),
                new Case("price $1.0000", "dollar.jsonl", BadInputCorpusTest::ws, 3, "outside (0, $1)",
                        OK, SNAPSHOT, delta(3, "\"1.0000\"", "\"1.00\"", T1)),
                new Case("negative trade count", "negtrade.jsonl", BadInputCorpusTest::ws, 3, "must be positive",
                        OK, SNAPSHOT, trade(3, "-5")),
                new Case("negative snapshot count", "neglevel.jsonl", BadInputCorpusTest::ws, 2, "negative count",
                        OK, SNAPSHOT.replace("\"5.00\"", "\"-5.00\"")),
                new Case("delta for a market with no snapshot", "unknown.jsonl", BadInputCorpusTest::ws, 2,
                        "before any snapshot", OK, delta(2, "\"0.1600\"", "\"1.00\"", T1)),
                new Case("trade for a market with no snapshot", "unknown-trade.jsonl", BadInputCorpusTest::ws, 2,
                        "before any snapshot", OK, trade(2, "1")),
                new Case("timestamp backwards in a market", "back.jsonl", BadInputCorpusTest::ws, 5, "backwards",
                        OK, SNAPSHOT, delta(3, "\"0.1600\"", "\"1.00\"", T1), delta(4, "\"0.1600\"", "\"1.00\"", T2),
                        delta(5, "\"0.1600\"", "\"1.00\"", T1)),
                new Case("off-grid price", "grid.jsonl", BadInputCorpusTest::ws, 3, "off the 1¢ tick grid",
                        OK, SNAPSHOT, delta(3, "\"0.1650\"", "\"1.00\"", T1)),
                new Case("off-grid snapshot level", "gridsnap.jsonl", BadInputCorpusTest::ws, 2, "off the 1¢ tick grid",
                        OK, SNAPSHOT.replace("0.1600", "0.16005")),
                new Case("three-decimal count", "count3.jsonl", BadInputCorpusTest::ws, 3, "more than two decimals",
                        OK, SNAPSHOT, delta(3, "\"0.1600\"", "\"1.234\"", T1)),
                new Case("frame without type", "notype.jsonl", BadInputCorpusTest::ws, 1, "\"type\"",
                        "{\"sid\":1,\"seq\":1,\"msg\":{}}"),
                new Case("empty websocket file", "empty.jsonl", BadInputCorpusTest::ws, 0, "empty"),
                new Case("blank websocket file", "blank.jsonl", BadInputCorpusTest::ws, 0, "empty", "", " "),
                new Case("index CSV with a missing column", "missing.csv", BadInputCorpusTest::index, 3,
                        "missing column", INDEX_HEADER, "2023-04-10T13:31:00Z,4079.39", "2023-04-10T13:31:01Z"),
                new Case("index CSV with a non-number", "nan.csv", BadInputCorpusTest::index, 2, "not a number",
                        INDEX_HEADER, "2023-04-10T13:31:00Z,abc"),
                new Case("index CSV going backwards", "backidx.csv", BadInputCorpusTest::index, 3, "backwards",
                        "1681133461,4079.39", "1681133462,4079.40", "1681133460,4079.41"),
                new Case("index CSV time without zone", "nozone.csv", BadInputCorpusTest::index, 1, "zone",
                        "2023-04-10T13:31:00,4079.39"),
                new Case("index CSV header without price", "hdr.csv", BadInputCorpusTest::index, 1, "price column",
                        "ts,close", "1681133461,4079.39"),
                new Case("empty index CSV", "empty.csv", BadInputCorpusTest::index, 0, "empty"),
                new Case("seed CSV without a Price column", "seedhdr.csv", BadInputCorpusTest::seed, 1, "\"Price\"",
                        "Time,Competitor,Operation,OrderId,Instrument,Side,Volume"),
                new Case("seed CSV row with a missing column", "seedrow.csv", BadInputCorpusTest::seed, 3, "columns",
                        SEED_HEADER, "2023-04-10 13:31:00.945899+00:00,,,,0,,,4079.3899,,",
                        "2023-04-10 13:31:02.651062+00:00,,Insert,21,1,A,2"),
                new Case("seed CSV negative volume", "seedneg.csv", BadInputCorpusTest::seed, 2, "must be positive",
                        SEED_HEADER, "2023-04-10 13:31:02.651062+00:00,,Insert,21,1,A,-2,6500.0,G,0"),
                new Case("seed CSV price 100¢", "seed100.csv", BadInputCorpusTest::seed, 2, "outside",
                        SEED_HEADER, "2023-04-10 13:31:02.651062+00:00,,Insert,21,1,A,2,10000.0,G,0"),
                new Case("empty seed CSV", "seedempty.csv", BadInputCorpusTest::seed, 0, "empty"),
                new Case("trades page with a bad taker side", "trades.json", BadInputCorpusTest::trades, 12,
                        "taker_side", "{", "  \"trades\": [", "    {", "      \"trade_id\": \"a\",",
                        "      \"ticker\": \"" + M + "\",", "      \"count\": 1,", "      \"yes_price\": 16,",
                        "      \"no_price\": 84,", "      \"taker_side\": \"yes\",",
                        "      \"created_time\": \"2026-07-01T02:31:45Z\"", "    },",
                        "    {\"trade_id\": \"b\", \"ticker\": \"" + M + "\", \"count\": 1, \"yes_price\": 16, "
                                + "\"taker_side\": \"maybe\", \"created_time\": \"2026-07-01T02:31:46Z\"}",
                        "  ],", "  \"cursor\": \"\"", "}"),
                new Case("trades page cut short", "trades-cut.json", BadInputCorpusTest::trades, 3, "JSON",
                        "{\"trades\": [", "{\"trade_id\": \"b\", \"ticker\": \"" + M + "\", \"count\": 1,",
                        "\"yes_price\": 16, \"taker_side\": \"y"),
                new Case("trades with price as an object", "trades-type.json", BadInputCorpusTest::trades, 2,
                        "was an object", "{\"trades\": [",
                        "{\"ticker\": \"" + M + "\", \"count_fp\": \"1.00\", \"yes_price_dollars\": {}, "
                                + "\"taker_side\": \"yes\", \"created_time\": \"2026-07-01T02:31:46Z\"}", "]}"),
                new Case("empty trades file", "trades-empty.json", BadInputCorpusTest::trades, 0, "empty"),
                new Case("markets file cut short", "markets.json", BadInputCorpusTest::markets, 4, "JSON",
                        "{", "  \"markets\": [", "    {\"ticker\": \"" + M + "\", \"event_ticker\": \"E\"},",
                        "    {\"ticker\": \"X-1\", \"close_time\": "),
                new Case("market with a bad close time", "markets-time.json", BadInputCorpusTest::markets, 3,
                        "close_time", "[", "{\"ticker\": \"A-1\"},", "{\"ticker\": \"A-2\", \"close_time\": \"soon\"}",
                        "]"),
                new Case("empty markets file", "markets-empty.json", BadInputCorpusTest::markets, 0, "empty"));
    }

    @TestFactory
    Stream<DynamicTest> everyBrokenFileStopsTheReadNamingFileAndLine() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Path file = TestFiles.write(dir, c.file(), c.lines());
            assertBadInput(c.reader().apply(file), file, c.line(), c.problem());
        }));
    }

    private static void assertBadInput(Runnable read, Path file, long line, String problem) {
        assertThatThrownBy(read::run).isInstanceOfSatisfying(BadInputException.class, e -> {
            assertThat(e.source()).isEqualTo(file.toString());
            assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
            assertThat(e.getMessage()).startsWith(file + (line > 0 ? ":" + line + ": " : ": ")).contains(problem);
        });
    }

    @Test
    void aByteThatIsNotUtf8IsBadInputOnItsLine() throws IOException {
        byte[] good = (OK + "\n" + SNAPSHOT + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] bad = delta(3, "\"0.1600\"", "\"1.00\"", T1).replace(M, M + "\u0001").getBytes(StandardCharsets.UTF_8);
        bad[bad.length - 20] = (byte) 0xff;
        Path file = dir.resolve("latin.jsonl");
        Files.write(file, concat(good, bad, "\n".getBytes(StandardCharsets.UTF_8)));
        assertBadInput(ws(file), file, 3, "not valid UTF-8");
    }

    @Test
    void aGzipCutShortIsBadInputAtTheLineReached() throws IOException {
        StringBuilder text = new StringBuilder(OK).append('\n').append(SNAPSHOT).append('\n');
        for (int seq = 3; seq < 20_000; seq++) {
            text.append(delta(seq, "\"0.1600\"", "\"" + (seq % 2 == 0 ? "1.00" : "-1.00") + "\"", T1)).append('\n');
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(text.toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] cut = Arrays.copyOf(bytes.toByteArray(), bytes.size() / 2);
        Path file = dir.resolve("cut.jsonl.gz");
        Files.write(file, cut);
        assertBadInput(ws(file), file, completeLinesBeforeTheCut(cut) + 1, "cut short");
    }

    /** Counts the newlines a plain GZIPInputStream delivers before the cut-short stream fails. */
    private static long completeLinesBeforeTheCut(byte[] cut) throws IOException {
        long newlines = 0;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(cut))) {
            byte[] buffer = new byte[8192];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                for (int i = 0; i < read; i++) {
                    newlines += buffer[i] == '\n' ? 1 : 0;
                }
            }
        } catch (java.io.EOFException expected) {
            return newlines;
        }
        throw new AssertionError("the cut gzip read to the end");
    }

    @Test
    void anInjectedSeqGapIsNotAnErrorButAWarningWithSkippedDeltas() {
        Path file = TestFiles.write(dir, "gap.jsonl", OK, SNAPSHOT, delta(3, "\"0.1600\"", "\"1.00\"", T1),
                delta(7, "\"0.1600\"", "\"1.00\"", T2), delta(8, "\"0.1600\"", "\"1.00\"", T2));
        KalshiWsReader reader = new KalshiWsReader(file, new TickerRegistry());
        assertThat(TestFiles.readAll(reader)).hasSize(2);
        assertThat(reader.stats().warnings()).singleElement().asString().startsWith(file + ":4: seq gap on sid 1");
        assertThat(reader.stats().count("skipped_after_gap:delta")).isEqualTo(2);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
