package io.kbt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.db.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus of issue 13 through {@code kbt import}, against PostgreSQL: every malformed input exits 3
 * with one line naming the file and the line (none for a file-wide problem; for a gzip stream cut short, wherever
 * the cut falls) and leaves every table's row count as
 * it was; every accepted oddity (CRLF, a byte order mark, multi-member gzip) imports exactly the right rows.
 */
class ImportCorpusTest {
    private static final List<String> TABLES = List.of("market", "import_batch", "book_snapshot", "book_delta",
            "trade", "index_tick", "trade_key", "import_span");
    private static final String M = "CORPUS-26JUL01-A";
    private static final String T1 = "2026-07-01T14:00:01Z";
    private static final String T2 = "2026-07-01T14:00:02Z";
    private static final String OK = "{\"type\":\"ok\",\"id\":1,\"sid\":1,\"seq\":1,\"msg\":{}}";

    static TestDatabase db;

    @TempDir
    static Path dir;

    @BeforeAll
    static void create() {
        db = TestDatabase.create(ImportCorpusTest.class);
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    static Stream<Arguments> rejects() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        // websocket recordings
        cases.add(ws("truncated JSON line", 3, OK, snapshot(2, M), "{\"type\":\"orderbook_delta\",\"sid\":1,\"se"));
        cases.add(ws("NaN price", 3, OK, snapshot(2, M), delta(3, M, "\"NaN\"", "\"1.00\"", T1)));
        cases.add(ws("price off the tick grid", 3, OK, snapshot(2, M), delta(3, M, "\"0.1650\"", "\"1.00\"", T1)));
        cases.add(ws("delta before its snapshot", 2, OK, delta(2, M, "\"0.1600\"", "\"1.00\"", T1)));
        cases.add(ws("time going backwards", 4, OK, snapshot(2, M), delta(3, M, "\"0.1600\"", "\"1.00\"", T2),
                delta(4, M, "\"0.1600\"", "\"1.00\"", T1)));
        cases.add(ws("both field generations disagreeing", 3, OK, snapshot(2, M),
                delta(3, M, "\"0.5000\"", "\"3.00\"", T1).replace("{\"market_ticker\"",
                        "{\"price\":93,\"delta\":-9,\"market_ticker\"")));
        cases.add(ws("count that would overflow a level", 3, OK, snapshot(2, M),
                delta(3, M, "\"0.1600\"", "\"92233720368547758\"", T1)));
        cases.add(ws("NUL byte in a ticker", 2, OK, snapshot(2, M + "\\u0000X")));
        cases.add(ws("10,000-character ticker", 2, OK, snapshot(2, "K".repeat(10_000))));
        cases.add(ws("empty ticker", 2, OK, snapshot(2, "")));
        cases.add(ws("ticker with a path in it", 2, OK, snapshot(2, "../../etc/passwd")));
        cases.add(ws("timestamp in 1900", 3, OK, snapshot(2, M), delta(3, M, "\"0.1600\"", "\"1.00\"",
                "1900-01-01T00:00:00Z")));
        cases.add(ws("epoch nanoseconds as ts", 3, OK, snapshot(2, M),
                delta(3, M, "\"0.1600\"", "\"1.00\"", T1).replace("\"" + T1 + "\"", "1782873105000000000")));
        cases.add(ws("ts_ms beyond any time", 3, OK, snapshot(2, M),
                delta(3, M, "\"0.1600\"", "\"1.00\"", T1).replace("\"ts\":\"" + T1 + "\"",
                        "\"ts_ms\":9223372036854775807")));
        cases.add(file("binary bytes", "kalshi-ws", "binary.jsonl", 1, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1,
            (byte) 0xfe, '\n'}));
        cases.add(file("UTF-16 text", "kalshi-ws", "utf16.jsonl", 1, (OK + "\n").getBytes(StandardCharsets.UTF_16)));
        cases.add(file("empty file", "kalshi-ws", "empty.jsonl", 0, new byte[0]));
        cases.add(file("gzip cut short", "kalshi-ws", "cut.jsonl.gz", -1, cutGzip()));
        // markets
        cases.add(markets("floor above cap", "\"floor_strike\": 6100, \"cap_strike\": 6000"));
        cases.add(markets("close before open", "\"open_time\": \"2026-07-01T20:00:00Z\", \"close_time\":"
                + " \"2026-07-01T13:00:00Z\""));
        cases.add(markets("unknown result", "\"result\": \"maybe\""));
        cases.add(markets("unknown strike_type", "\"strike_type\": \"sideways\""));
        cases.add(markets("strike of 1e400", "\"floor_strike\": 1e400"));
        cases.add(markets("close time in 2200", "\"close_time\": \"2200-01-01T00:00:00Z\""));
        cases.add(file("NUL byte in a market ticker", "markets", "nul-market.json", 1,
                "{\"markets\": [{\"ticker\": \"A\\u0000B\"}]}\n".getBytes(StandardCharsets.UTF_8)));
        // index CSV
        for (String level : List.of("-6000", "0", "1e308", "0x1p3", "6000d", "NaN", "Infinity")) {
            cases.add(index("index level " + level, 3, "ts,price\n2026-07-01T14:00:00Z,6000\n2026-07-01T14:00:01Z,"
                    + level + "\n"));
        }
        cases.add(index("truncated last line without newline", 3,
                "ts,price\n2026-07-01T14:00:00Z,6000\n2026-07-01T14:00:01Z,60"));
        cases.add(index("timestamp in 1900", 2, "ts,price\n1900-01-01T00:00:00Z,6000\n"));
        cases.add(index("epoch nanoseconds as a timestamp", 2, "ts,price\n1782873105000000000,6000\n"));
        cases.add(index("missing column", 3, "ts,price\n2026-07-01T14:00:00Z,6000\n2026-07-01T14:00:01Z\n"));
        // REST trades
        cases.add(file("repeated trade_id with another count", "trades", "trades-repeat.json", 3, ("{\"trades\": [\n"
                + trade("R-1", "2.00") + ",\n" + trade("R-1", "3.00") + "]}\n").getBytes(StandardCharsets.UTF_8)));
        cases.add(file("trade count beyond any order", "trades", "trades-huge.json", 2, ("{\"trades\": [\n"
                + trade("R-2", "92233720368547758") + "]}\n").getBytes(StandardCharsets.UTF_8)));
        // seed CSV
        cases.add(file("seed CSV with a missing column", "seed-csv", "seed.csv", 3, ("Time,Competitor,Operation,"
                + "OrderId,Instrument,Side,Volume,Price,Lifespan,Fee\n2023-04-10 13:31:00.945899+00:00,,,,0,,,4079.3899,,\n"
                + "2023-04-10 13:31:02.651062+00:00,,Insert,21,1,A,2\n").getBytes(StandardCharsets.UTF_8)));
        // files that are not files
        cases.add(Arguments.of("missing file", "kalshi-ws", dir.resolve("no-such.jsonl"), 0L));
        cases.add(Arguments.of("a directory", "kalshi-ws", Files.createDirectories(dir.resolve("a-dir.jsonl")), 0L));
        Path unreadable = Files.writeString(dir.resolve("unreadable.jsonl"), OK + "\n");
        Files.setPosixFilePermissions(unreadable, PosixFilePermissions.fromString("---------"));
        cases.add(Arguments.of("an unreadable file", "kalshi-ws", unreadable, 0L));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejects")
    void aBadInputExits3WithOneLineNamingFileAndLineAndChangesNoTable(String name, String kind, Path file, long line) {
        if (name.equals("an unreadable file")) {
            Assumptions.assumeFalse(Files.isReadable(file), "running as a user who can read any file (root)");
        }
        Map<String, Long> before = counts();
        CliRun run = CliRun.of(command(kind, file));
        assertThat(run.exit()).as(run.err()).isEqualTo(ExitCode.BAD_INPUT);
        List<String> lines = run.err().strip().lines().toList();
        assertThat(lines).as(run.err()).hasSize(1);
        String prefix = Pattern.quote("kbt: " + file);
        String where = line > 0 ? ":" + line : line < 0 ? ":\\d+" : "";
        assertThat(lines.get(0)).matches(prefix + where + ": .+");
        assertThat(counts()).isEqualTo(before);
    }

    static Stream<Arguments> accepts() throws IOException {
        String bom = "\ufeff";
        List<String> crlf = List.of(OK, snapshot(2, "CRLF-26JUL01-A"), delta(3, "CRLF-26JUL01-A", "\"0.1600\"",
                "\"1.00\"", T1), delta(4, "CRLF-26JUL01-A", "\"0.1600\"", "\"2.00\"", T2));
        List<String> marked = List.of(OK, snapshot(2, "BOM-26JUL01-A"), delta(3, "BOM-26JUL01-A", "\"0.1600\"",
                "\"1.00\"", T1));
        List<String> members = List.of(OK, snapshot(2, "GZ2-26JUL01-A"), delta(3, "GZ2-26JUL01-A", "\"0.1600\"",
                "\"1.00\"", T1), delta(4, "GZ2-26JUL01-A", "\"0.1600\"", "\"1.00\"", T2));
        return Stream.of(
                Arguments.of("CRLF line ends", "kalshi-ws", write("crlf.jsonl", String.join("\r\n", crlf) + "\r\n"),
                        "book_delta", 2L),
                Arguments.of("byte order mark in a recording", "kalshi-ws",
                        write("bom.jsonl", bom + String.join("\n", marked) + "\n"), "book_delta", 1L),
                Arguments.of("multi-member gzip", "kalshi-ws", multiMemberGzip(members), "book_delta", 2L),
                Arguments.of("byte order mark in an index CSV", "index",
                        write("bom.csv", bom + "ts,price\r\n2026-07-02T14:00:00Z,6000.5\r\n"), "index_tick", 1L),
                Arguments.of("byte order mark in a markets file", "markets", write("bom-markets.json", bom
                        + "{\"markets\": [{\"ticker\": \"BOM-26JUL01-B\"}]}\n"), "market", 1L),
                Arguments.of("byte order mark in a trades file", "trades", write("bom-trades.json", bom
                        + "{\"trades\": [" + trade("B-1", "1.00").replace("CORPUS-26JUL01-T", "BOMT-26JUL01-A")
                        + "]}\n"), "trade", 1L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepts")
    void anAcceptedOddityImportsTheRightRows(String name, String kind, Path file, String table, long rows) {
        long before = db.count(table);
        CliRun run = CliRun.of(command(kind, file));
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(db.count(table) - before).isEqualTo(rows);
    }

    private static String[] command(String kind, Path file) {
        List<String> args = new ArrayList<>(List.of("import", kind, file.toString()));
        if (kind.equals("index")) {
            args.addAll(List.of("--symbol", "SPX"));
        }
        if (kind.equals("seed-csv")) {
            args.addAll(List.of("--market", "INXD-23APR10-B4075"));
        }
        args.addAll(List.of("--db", db.jdbcUrl()));
        return args.toArray(String[]::new);
    }

    private static String snapshot(int seq, String ticker) {
        return "{\"type\":\"orderbook_snapshot\",\"sid\":1,\"seq\":" + seq + ",\"msg\":{\"market_ticker\":\"" + ticker
                + "\",\"yes_dollars_fp\":[[\"0.1600\",\"5.00\"]],\"no_dollars_fp\":[[\"0.8300\",\"1.43\"]]}}";
    }

    private static String delta(int seq, String ticker, String price, String count, String ts) {
        return "{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":" + seq + ",\"msg\":{\"market_ticker\":\"" + ticker
                + "\",\"price_dollars\":" + price + ",\"delta_fp\":" + count + ",\"side\":\"yes\",\"ts\":\"" + ts
                + "\"}}";
    }

    private static String trade(String id, String count) {
        return "{\"trade_id\": \"" + id + "\", \"ticker\": \"CORPUS-26JUL01-T\", \"count_fp\": \"" + count
                + "\", \"yes_price_dollars\": \"0.4200\", \"taker_side\": \"yes\", \"created_time\": \"" + T1 + "\"}";
    }

    private static Arguments ws(String name, long line, String... lines) throws IOException {
        return Arguments.of(name, "kalshi-ws", write(slug(name) + ".jsonl", String.join("\n", lines) + "\n"), line);
    }

    private static Arguments index(String name, long line, String text) throws IOException {
        return Arguments.of(name, "index", write(slug(name) + ".csv", text), line);
    }

    private static Arguments markets(String name, String fields) throws IOException {
        return Arguments.of(name, "markets", write(slug(name) + ".json", "{\"markets\": [{\"ticker\":"
                + " \"CORPUS-26JUL01-M\", \"strike_type\": \"between\", " + fields + "}]}\n"), 1L);
    }

    private static Arguments file(String name, String kind, String fileName, long line, byte[] bytes)
            throws IOException {
        return Arguments.of(name, kind, Files.write(dir.resolve(fileName), bytes), line);
    }

    private static String slug(String name) {
        return name.replaceAll("\\W+", "-");
    }

    private static Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static byte[] cutGzip() throws IOException {
        StringBuilder text = new StringBuilder(OK).append('\n').append(snapshot(2, M)).append('\n');
        for (int i = 3; i < 3000; i++) {
            text.append(delta(i, M, "\"0.1600\"", "\"" + i + ".00\"", T1)).append('\n');
        }
        byte[] zipped = gzip(text.toString());
        return Arrays.copyOf(zipped, zipped.length / 2);
    }

    private static Path multiMemberGzip(List<String> lines) throws IOException {
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.write(gzip(String.join("\n", lines.subList(0, 2)) + "\n"));
        both.write(gzip(String.join("\n", lines.subList(2, lines.size())) + "\n"));
        return Files.write(dir.resolve("members.jsonl.gz"), both.toByteArray());
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return zipped.toByteArray();
    }

    private static Map<String, Long> counts() {
        return db.counts(TABLES);
    }
}
