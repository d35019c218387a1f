package io.kbt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.db.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The identity of stored events (issue 13, items 1–5): the same data imported again in other bytes adds nothing,
 * a file that extends an earlier one adds only its extension, different data over the same time is refused (or
 * replaces the earlier import with {@code --replace}), REST trades are their trade_id, a rotated recording
 * continues across files, a repeated frame is dropped, and a changed tick size under stored events is refused.
 * Each test uses its own tickers, so the tests do not see each other's rows.
 */
class ImportIdentityTest {
    private static final List<String> TABLES = List.of("market", "import_batch", "book_snapshot", "book_delta",
            "trade", "index_tick", "trade_key", "import_span");

    static TestDatabase db;

    @TempDir
    static Path dir;

    @BeforeAll
    static void create() {
        db = TestDatabase.create(ImportIdentityTest.class);
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void aGzipCopyAndACrlfCopyOfAnImportedRecordingAddNothing() throws IOException {
        List<String> lines = Recordings.recording("GZ-26JUL01-A", 1, 20);
        Path plain = write("plain.jsonl", lines, "\n");
        assertThat(kbt("import", "kalshi-ws", plain.toString()).exit()).isZero();
        Map<String, Long> before = counts();

        CliRun gz = kbt("import", "kalshi-ws", gzip(plain, "copy.jsonl.gz").toString());
        assertThat(gz.exit()).as(gz.err()).isZero();
        assertThat(gz.out()).contains("0 snapshots, 0 deltas").contains("21 already stored (skipped)");
        CliRun crlf = kbt("import", "kalshi-ws", write("crlf.jsonl", lines, "\r\n").toString());
        assertThat(crlf.exit()).as(crlf.err()).isZero();
        assertThat(crlf.out()).contains("21 already stored (skipped)");

        Map<String, Long> after = counts();
        after.remove("import_batch");
        before.remove("import_batch");
        assertThat(after).isEqualTo(before);
        assertThat(deltas("GZ-26JUL01-A")).isEqualTo(20);
    }

    @Test
    void aFileThatExtendsAnEarlierOneAddsOnlyItsExtension() throws IOException {
        List<String> whole = Recordings.recording("EXT-26JUL01-A", 1, 30);
        assertThat(kbt("import", "kalshi-ws", write("first.jsonl", whole.subList(0, 13), "\n").toString()).exit())
                .isZero();
        assertThat(deltas("EXT-26JUL01-A")).isEqualTo(12);

        CliRun extended = kbt("import", "kalshi-ws", write("extended.jsonl", whole, "\n").toString());
        assertThat(extended.exit()).as(extended.err()).isZero();
        assertThat(extended.out()).contains("18 deltas").contains("13 already stored (skipped)");
        assertThat(deltas("EXT-26JUL01-A")).isEqualTo(30);
        assertThat(db.count("book_snapshot where market_id = (select id from market where ticker = 'EXT-26JUL01-A')"))
                .isEqualTo(1);
    }

    @Test
    void differentEventsOverTheSameTimeAreRefusedNamingTheEarlierImportAndReplaceSwapsThem() throws IOException {
        List<String> original = Recordings.recording("FIX-26JUL01-A", 1, 10);
        assertThat(kbt("import", "kalshi-ws", write("original.jsonl", original, "\n").toString()).exit()).isZero();
        long batch = lastBatch();
        List<String> corrected = new ArrayList<>(original);
        corrected.set(5, Recordings.delta(6, "FIX-26JUL01-A", 5, "0.4000", "7.00"));
        Path fixed = write("corrected.jsonl", corrected, "\n");
        Map<String, Long> before = counts();

        CliRun refused = kbt("import", "kalshi-ws", fixed.toString());
        assertThat(refused.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(refused.err().strip().lines()).hasSize(1);
        assertThat(refused.err()).startsWith("kbt: " + fixed + ":1: FIX-26JUL01-A's events from")
                .contains("overlap batch " + batch + " (original.jsonl").contains("--replace");
        assertThat(counts()).isEqualTo(before);

        CliRun replaced = kbt("import", "kalshi-ws", fixed.toString(), "--replace");
        assertThat(replaced.exit()).as(replaced.err()).isZero();
        assertThat(replaced.out()).contains("replaced batch " + batch + " (original.jsonl): its 11 events of FIX-26JUL01-A");
        assertThat(deltas("FIX-26JUL01-A")).isEqualTo(10);
        assertThat(db.count("book_delta where delta = 700")).isEqualTo(1);
        assertThat(db.count("import_batch where id = " + batch)).isZero();
    }

    @Test
    void aRotatedRecordingContinuesAcrossFilesInOneCommandAndAcrossImports() throws IOException {
        List<String> one = Recordings.recording("ROT-26JUL01-A", 1, 20);
        Path a1 = write("day1.jsonl", one.subList(0, 11), "\n");
        Path a2 = write("day2.jsonl", one.subList(11, one.size()), "\n");
        CliRun both = kbt("import", "kalshi-ws", a1.toString(), a2.toString());
        assertThat(both.exit()).as(both.err()).isZero();
        assertThat(both.out()).containsPattern("day2.jsonl: 0 snapshots, 10 deltas.*continued_book=");
        assertThat(deltas("ROT-26JUL01-A")).isEqualTo(20);

        List<String> two = Recordings.recording("ROT-26JUL01-B", 1, 20);
        assertThat(kbt("import", "kalshi-ws", write("b-day1.jsonl", two.subList(0, 11), "\n").toString()).exit())
                .isZero();
        CliRun second = kbt("import", "kalshi-ws", write("b-day2.jsonl", two.subList(11, two.size()), "\n").toString());
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(deltas("ROT-26JUL01-B")).isEqualTo(20);
    }

    @Test
    void aSecondFileThatDoesNotContinueAnyRecordingStillNeedsItsSnapshot() throws IOException {
        List<String> one = Recordings.recording("ROT-26JUL01-C", 1, 20);
        assertThat(kbt("import", "kalshi-ws", write("c-day1.jsonl", one.subList(0, 11), "\n").toString()).exit())
                .isZero();
        Path gap = write("c-gap.jsonl", one.subList(13, one.size()), "\n");
        CliRun run = kbt("import", "kalshi-ws", gap.toString());
        assertThat(run.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).startsWith("kbt: " + gap + ":1: delta for ROT-26JUL01-C before any snapshot");
    }

    @Test
    void anExactlyRepeatedFrameIsDroppedAndCountedAndTheStreamGoesOn() throws IOException {
        List<String> lines = new ArrayList<>(Recordings.recording("DUP-26JUL01-A", 1, 30));
        lines.add(6, lines.get(5));
        CliRun run = kbt("import", "kalshi-ws", write("dup.jsonl", lines, "\n").toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("30 deltas").contains("duplicate_frame=1");
        assertThat(run.err()).doesNotContain("gap");
        assertThat(deltas("DUP-26JUL01-A")).isEqualTo(30);
    }

    @Test
    void fieldsOfBothGenerationsThatDisagreeAreBadInput() throws IOException {
        List<String> lines = new ArrayList<>(Recordings.recording("CONF-26JUL01-A", 1, 3));
        lines.set(2, lines.get(2).replace("\"price_dollars\":\"0.4000\"", "\"price\":93,\"price_dollars\":\"0.4000\""));
        Path file = write("conflict.jsonl", lines, "\n");
        Map<String, Long> before = counts();
        CliRun run = kbt("import", "kalshi-ws", file.toString());
        assertThat(run.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).startsWith("kbt: " + file + ":3: \"price\":93 and \"price_dollars\":\"0.4000\"");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void overlappingTradePagesStoreEachTradeIdOnceAndARepeatedIdWithOtherFieldsIsBadInput() throws IOException {
        Path first = write("page1.json", List.of(page("T-1", "T-2", "T-3")), "\n");
        Path second = write("page2.json", List.of(page("T-2", "T-3", "T-4", "T-5")), "\n");
        assertThat(kbt("import", "trades", first.toString()).exit()).isZero();
        CliRun overlapping = kbt("import", "trades", second.toString());
        assertThat(overlapping.exit()).as(overlapping.err()).isZero();
        assertThat(overlapping.out()).contains("2 trades").contains("2 already stored (skipped)");
        assertThat(db.count("trade_key where trade_id like 'T-%'")).isEqualTo(5);
        assertThat(db.count("trade where market_id = (select id from market where ticker = 'TRD-26JUL01-A')"))
                .isEqualTo(5);

        Path changed = write("page3.json", List.of(page("T-6").replace("}]", "}, " + trade("T-4", 4, "9.00") + "]")),
                "\n");
        Map<String, Long> before = counts();
        CliRun run = kbt("import", "trades", changed.toString());
        assertThat(run.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).startsWith("kbt: " + changed + ":1: trade_id T-4 was stored by batch");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aCopyOfAnImportedIndexFileAddsNothingAndOtherLevelsOverTheSameTimeAreRefused() throws IOException {
        List<String> ticks = List.of("ts,price", "2026-07-01T13:30:00Z,6000.5", "2026-07-01T13:30:01Z,6001.25",
                "2026-07-01T13:30:02Z,6002");
        Path index = write("ndx.csv", ticks, "\n");
        assertThat(kbt("import", "index", index.toString(), "--symbol", "NDXT").exit()).isZero();
        CliRun copy = kbt("import", "index", gzip(index, "ndx-copy.csv.gz").toString(), "--symbol", "NDXT");
        assertThat(copy.exit()).as(copy.err()).isZero();
        assertThat(copy.out()).contains("0 index ticks").contains("3 already stored");
        Path other = write("ndx-other.csv", List.of("ts,price", "2026-07-01T13:30:01Z,5999"), "\n");
        CliRun refused = kbt("import", "index", other.toString(), "--symbol", "NDXT");
        assertThat(refused.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(refused.err()).contains("NDXT's events from");
        assertThat(db.count("index_tick where symbol = 'NDXT'")).isEqualTo(3);
    }

    @Test
    void changingTheTickSizeOfAMarketWithStoredEventsIsRefusedNamingItAndItsEvents() throws IOException {
        String ticker = "TICK-26JUL01-A";
        Path cent = write("cent.json", List.of(market(ticker, "linear_cent")), "\n");
        assertThat(kbt("import", "markets", cent.toString()).exit()).isZero();
        assertThat(kbt("import", "kalshi-ws", write("tick.jsonl", Recordings.recording(ticker, 1, 4), "\n").toString()).exit())
                .isZero();
        Path deci = write("deci.json", List.of(market(ticker, "deci_cent")), "\n");
        Map<String, Long> before = counts();
        CliRun run = kbt("import", "markets", deci.toString());
        assertThat(run.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).startsWith("kbt: " + deci + ":1: market " + ticker).contains("5 stored events");
        assertThat(counts()).isEqualTo(before);
        assertThat(db.count("market where ticker = '" + ticker + "' and tick_size_micros = 10000")).isEqualTo(1);
    }

    private static String page(String... ids) {
        StringBuilder trades = new StringBuilder();
        for (String id : ids) {
            trades.append(trades.isEmpty() ? "" : ", ").append(trade(id, Integer.parseInt(id.substring(2)), "2.00"));
        }
        return "{\"trades\": [" + trades + "], \"cursor\": \"\"}";
    }

    private static String trade(String id, int second, String count) {
        return "{\"trade_id\": \"" + id + "\", \"ticker\": \"TRD-26JUL01-A\", \"count_fp\": \"" + count
                + "\", \"yes_price_dollars\": \"0.4200\", \"no_price_dollars\": \"0.5800\", \"taker_side\": \"yes\","
                + " \"created_time\": \"2026-07-01T15:00:0" + second + "Z\"}";
    }

    private static String market(String ticker, String structure) {
        return "{\"markets\": [{\"ticker\": \"" + ticker + "\", \"event_ticker\": \"TICK-26JUL01\", \"strike_type\":"
                + " \"greater\", \"floor_strike\": 5, \"open_time\": \"2026-07-01T13:00:00Z\", \"close_time\":"
                + " \"2026-07-01T20:00:00Z\", \"price_level_structure\": \"" + structure + "\"}]}";
    }

    private static long lastBatch() {
        return db.count("generate_series(1, (select max(id) from import_batch))");
    }

    private static long deltas(String ticker) {
        return db.count("book_delta where market_id = (select id from market where ticker = '" + ticker + "')");
    }

    private static Map<String, Long> counts() {
        return db.counts(TABLES);
    }

    private static CliRun kbt(String... args) {
        return CliRun.of(Stream.concat(Arrays.stream(args), Stream.of("--db", db.jdbcUrl())).toArray(String[]::new));
    }

    private static Path write(String name, List<String> lines, String newline) throws IOException {
        return Recordings.write(dir.resolve(name), lines, newline);
    }

    private static Path gzip(Path file, String name) throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(Files.readAllBytes(file));
        }
        return Files.write(dir.resolve(name), zipped.toByteArray());
    }
}
