package io.kbt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.db.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code kbt import} end to end, in-process: the 2026 recording loads and re-imports as nothing, and every broken
 * file of the corpus exits 3 with one line naming the file and line while leaving every table as it was.
 */
class ImportCommandTest {
    private static final List<String> TABLES = List.of("market", "import_batch", "book_snapshot", "book_delta",
            "trade", "index_tick");
    private static final String M = "KXNEXTTEAMNBA-26LJAM-MIA";
    private static final String OK = "{\"type\":\"ok\",\"id\":1,\"sid\":1,\"seq\":1,\"msg\":{}}";
    private static final String SNAPSHOT = "{\"type\":\"orderbook_snapshot\",\"sid\":1,\"seq\":2,\"msg\":{\"market_ticker\":\""
            + M + "\",\"yes_dollars_fp\":[[\"0.1600\",\"5.00\"]],\"no_dollars_fp\":[[\"0.8300\",\"1.43\"]]}}";
    private static final String T1 = "2026-07-01T02:31:45.308599Z";
    private static final String T2 = "2026-07-01T02:31:46Z";

    static TestDatabase db;
    static CliRun firstWsImport;

    @TempDir
    static Path dir;

    @BeforeAll
    static void importRecording() {
        db = TestDatabase.create(ImportCommandTest.class);
        firstWsImport = CliRun.of("import", "kalshi-ws", wsFile().toString(), "--db", db.jdbcUrl());
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    private static Path wsFile() {
        return Path.of(System.getProperty("kbt.sharedData"), "kalshi-ws-2026-07", "session.jsonl");
    }

    @Test
    void the2026RecordingLoadsEverySnapshotAndDeltaAndCreatesItsFiveMarkets() {
        assertThat(firstWsImport.exit()).as(firstWsImport.err()).isZero();
        assertThat(firstWsImport.out()).contains("5 snapshots, 2,885 deltas, 0 trades")
                .contains("5 markets created from tickers");
        assertThat(firstWsImport.err()).contains("KXBTCD-26JUL0317-T60999.99 was not in the store");
        assertThat(db.count("book_snapshot")).isEqualTo(5);
        assertThat(db.count("book_delta")).isEqualTo(2_885);
        assertThat(db.count("market where created_from_ticker")).isEqualTo(5);
    }

    @Test
    void reimportingTheRecordingAddsNothingAndSaysSo() {
        Map<String, Long> before = counts();
        CliRun again = CliRun.of("import", "kalshi-ws", wsFile().toString(), "--db", db.jdbcUrl());
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("already imported").contains("nothing added");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void marketsListsTheStoredMarketsWithTheirEventCounts() {
        CliRun run = CliRun.of("markets", "--series", "KXNEXTTEAMNBA", "--db", db.jdbcUrl());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains(M + "*").contains("KXNEXTTEAMNBA-26LJAM-GSW*").contains("3 markets")
                .doesNotContain("KXBTCD");
        assertThat(run.out().lines().filter(l -> l.startsWith("KXNEXTTEAMNBA-26LJAM-GSW")).findFirst().orElseThrow())
                .contains("1,584");
    }

    static Stream<Arguments> corpus() throws IOException {
        return Stream.of(
                ws("truncated JSON line", 3, OK, SNAPSHOT,
                        "{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":3,\"msg\":{\"market_ti"),
                ws("wrong field type", 3, OK, SNAPSHOT, delta(3, "{\"v\":\"0.16\"}", "\"1.00\"", T1)),
                ws("price 0", 3, OK, SNAPSHOT, deltaOld(3, "0")),
                ws("price 100", 3, OK, SNAPSHOT, deltaOld(3, "100")),
                ws("negative count", 3, OK, SNAPSHOT,
                        "{\"type\":\"trade\",\"sid\":1,\"seq\":3,\"msg\":{\"market_ticker\":\"" + M
                                + "\",\"yes_price\":16,\"no_price\":84,\"count\":-5,\"taker_side\":\"yes\",\"ts\":1782873105}}"),
                ws("delta for an unknown market", 2, OK, delta(2, "\"0.1600\"", "\"1.00\"", T1)),
                ws("timestamp going backwards", 5, OK, SNAPSHOT, delta(3, "\"0.1600\"", "\"1.00\"", T1),
                        delta(4, "\"0.1600\"", "\"1.00\"", T2), delta(5, "\"0.1600\"", "\"1.00\"", T1)),
                Arguments.of("CSV with a missing column", List.of("import", "index", "--symbol", "SPX"),
                        write("missing.csv", "ts,price\n2023-04-10T13:31:00Z,4079.39\n2023-04-10T13:31:01Z\n"), 3L),
                Arguments.of("seed CSV with a missing column", List.of("import", "seed-csv", "--market",
                                "INXD-23APR10-B4075"),
                        write("seed.csv", "Time,Competitor,Operation,OrderId,Instrument,Side,Volume,Price,Lifespan,Fee\n"
                                + "2023-04-10 13:31:00.945899+00:00,,,,0,,,4079.3899,,\n"
                                + "2023-04-10 13:31:02.651062+00:00,,Insert,21,1,A,2\n"), 3L),
                Arguments.of("empty file", List.of("import", "kalshi-ws"), write("empty.jsonl", ""), 0L),
                Arguments.of("non-UTF-8 byte", List.of("import", "kalshi-ws"), nonUtf8(), 3L),
                Arguments.of("gzip cut short", List.of("import", "kalshi-ws"), cutGzip(), -1L),
                Arguments.of("a directory for a markets file", List.of("import", "markets"),
                        Files.createDirectories(dir.resolve("markets-dir.json")), 0L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void aBrokenFileExits3WithOneLineNamingFileAndLineAndChangesNoTable(String name, List<String> command, Path file,
            long line) {
        Map<String, Long> before = counts();
        String[] args = Stream.concat(command.stream(), Stream.of(file.toString(), "--db", db.jdbcUrl()))
                .toArray(String[]::new);
        CliRun run = CliRun.of(args);
        assertThat(run.exit()).as(run.err()).isEqualTo(ExitCode.BAD_INPUT);
        List<String> lines = run.err().strip().lines().toList();
        assertThat(lines).as(run.err()).hasSize(1);
        String prefix = "kbt: " + file;
        if (line > 0) {
            assertThat(lines.get(0)).startsWith(prefix + ":" + line + ":");
        } else if (line == 0) {
            assertThat(lines.get(0)).startsWith(prefix + ":");
        } else {
            assertThat(lines.get(0)).matches(java.util.regex.Pattern.quote(prefix) + ":\\d+: .*");
        }
        assertThat(counts()).isEqualTo(before);
    }

    private static Map<String, Long> counts() {
        return db.counts(TABLES);
    }

    private static Arguments ws(String name, long line, String... lines) throws IOException {
        return Arguments.of(name, List.of("import", "kalshi-ws"),
                write(name.replaceAll("\\W+", "-") + ".jsonl", String.join("\n", lines) + "\n"), line);
    }

    private static String delta(int seq, String price, String count, String ts) {
        return "{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":" + seq + ",\"msg\":{\"market_ticker\":\"" + M
                + "\",\"price_dollars\":" + price + ",\"delta_fp\":" + count + ",\"side\":\"yes\",\"ts\":\"" + ts
                + "\"}}";
    }

    private static String deltaOld(int seq, String price) {
        return "{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":" + seq + ",\"msg\":{\"market_ticker\":\"" + M
                + "\",\"price\":" + price + ",\"delta\":1,\"side\":\"no\",\"ts\":1782873105}}";
    }

    private static Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    /** A recording whose third line holds the lone byte 0xff, invalid in UTF-8. */
    private static Path nonUtf8() throws IOException {
        String text = String.join("\n", OK, SNAPSHOT, delta(3, "\"0.1600\"", "\"1.00\"", T1).replace(M, M + "\u00ff"))
                + "\n";
        return Files.write(dir.resolve("latin1.jsonl"), text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The first ~40 kB of the gzipped 2026 recording. */
    private static Path cutGzip() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(Files.readAllBytes(wsFile()));
        }
        byte[] bytes = zipped.toByteArray();
        return Files.write(dir.resolve("cut.jsonl.gz"), Arrays.copyOf(bytes, Math.min(40_000, bytes.length / 2)));
    }
}
