package io.kbt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kbt.db.Database;
import io.kbt.db.testing.TestDatabase;
import io.kbt.kalshi.fake.FakeConnection;
import io.kbt.kalshi.fake.FakeKalshi;
import io.kbt.kalshi.fake.SignatureVerifier;
import io.kbt.kalshi.fake.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kbt record} end to end against the fake exchange: files and database, SIGTERM of a recorder process and
 * {@code kill -9} of one; each time the database must equal importing the sealed files into an empty one.
 */
class RecordCommandTest {
    private static final String A = "INXD-26JUL01-B5000";
    private static final String B = "INXD-26JUL01-B5025";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static TestDatabase recorded;

    @TempDir
    Path dir;

    private FakeKalshi fake;
    private Path out;
    private Path key;
    private int tick;

    @BeforeAll
    static void databases() {
        recorded = TestDatabase.create(RecordCommandTest.class);
    }

    @AfterAll
    static void drop() {
        recorded.close();
    }

    @BeforeEach
    void exchange() throws SQLException {
        fake = new FakeKalshi(SignatureVerifier.ofTestKey());
        fake.openMarket(market(A), book(A));
        fake.openMarket(market(B), book(B));
        fake.pingEvery(200);
        out = dir.resolve("rec");
        key = TestKeys.write(dir, "pkcs1");
        try (Connection c = Database.connect(recorded.url()); Statement s = c.createStatement()) {
            s.execute("truncate book_snapshot, book_delta, trade, import_batch, recording_progress, market cascade");
        }
    }

    @AfterEach
    void close() {
        fake.close();
    }

    private List<String> args(String duration) {
        return new ArrayList<String>(List.of("record", "--series", "INXD", "--ws-url", fake.wsUrl().toString(),
                "--rest-url", fake.restUrl().toString(), "--key-id", TestKeys.KEY_ID, "--key-file", key.toString(),
                "--out", out.toString(), "--db", recorded.jdbcUrl(), "--for", duration));
    }

    @Test
    void recordsFilesAndDatabaseAcrossADropAndTheDatabaseEqualsImportingTheSealedFiles() throws Exception {
        CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.of(args("15s").toArray(String[]::new)));
        FakeConnection connection = fake.awaitSubscribed(1, "orderbook_delta");
        stream(connection, 200, 2);
        connection.drop();
        FakeConnection second = fake.awaitSubscribed(2, "orderbook_delta");
        stream(second, 100, 1);
        second.sendRaw("{\"type\":\"market_lifecycle_v2\",\"sid\":" + second.sid("market_lifecycle_v2")
                + ",\"msg\":{\"market_ticker\":\"" + A + "\",\"event_type\":\"determined\",\"result\":\"yes\"}}");
        CliRun result = run.get(60, TimeUnit.SECONDS);

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("recorded ", "1 market(s)", "1 reconnect(s)");
        assertThat(recorded.count("market where ticker = '" + A + "' and result = 'yes'")).isEqualTo(1);
        assertThat(recorded.count("market where ticker = '" + B + "' and result is null")).isEqualTo(1);
        assertThat(result.err()).doesNotContain(Files.readString(key).lines().skip(1).findFirst().orElseThrow());
        List<Path> files = recordings();
        assertThat(files).hasSize(1);
        assertThat(parts()).isEmpty();
        assertDatabaseEqualsImporting(files);
        assertThat(CliRun.of("import", "kalshi-ws", files.get(0).toString(), "--db", recorded.jdbcUrl()).out())
                .contains("already imported");
    }

    @Test
    void sigtermFlushesSealsStoresAndSummarises() throws Exception {
        Process recorder = spawn(args("5m"));
        FakeConnection connection = fake.awaitSubscribed(1, "orderbook_delta");
        stream(connection, 200, 3);
        awaitStored(1);
        recorder.destroy();
        assertThat(recorder.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String stdout = Files.readString(dir.resolve("recorder.out"));

        assertThat(stdout).contains("recorded ", "1 file(s)");
        assertThat(parts()).isEmpty();
        List<Path> files = recordings();
        assertThat(files).hasSize(1);
        assertDatabaseEqualsImporting(files);
    }

    @Test
    void afterKillMinus9TheNextRunRecoversTheFileAndTheDatabaseEqualsTheSealedFiles() throws Exception {
        Process recorder = spawn(args("5m"));
        FakeConnection connection = fake.awaitSubscribed(1, "orderbook_delta");
        stream(connection, 200, 3);
        awaitStored(1);
        stream(connection, 50, 3);
        recorder.destroyForcibly();
        assertThat(recorder.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(parts()).hasSize(1);

        CompletableFuture<CliRun> again = CompletableFuture.supplyAsync(
                () -> CliRun.of(args("6s").toArray(String[]::new)));
        FakeConnection second;
        try {
            second = fake.awaitSubscribed(2, "orderbook_delta");
        } catch (AssertionError e) {
            CliRun failed = again.get(60, TimeUnit.SECONDS);
            throw new AssertionError("second run: " + failed.exit() + " " + failed.out() + failed.err(), e);
        }
        stream(second, 20, 2);
        CliRun result = again.get(60, TimeUnit.SECONDS);

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.err()).contains("recovered ", "stored the rest of ");
        assertThat(parts()).isEmpty();
        List<Path> files = recordings();
        assertThat(files).hasSize(2);
        assertDatabaseEqualsImporting(files);
    }

    @Test
    void usageErrorsAndARefusedKeyExitWithTheirCodesAndOneLine() throws Exception {
        CliRun nothing = CliRun.of("record", "--no-db", "--out", out.toString());
        assertThat(nothing.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(nothing.err()).contains("give --series");

        CliRun badDuration = CliRun.of(args("soon").toArray(String[]::new));
        assertThat(badDuration.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(badDuration.err()).contains("--for soon");

        List<String> wrongKey = args("5s");
        wrongKey.set(wrongKey.indexOf(TestKeys.KEY_ID), "not-our-key");
        CliRun refused = CliRun.of(wrongKey.toArray(String[]::new));
        assertThat(refused.exit()).isEqualTo(ExitCode.AUTHENTICATION_REFUSED);
        assertThat(refused.err().strip().lines()).hasSize(1).first().asString()
                .startsWith("kbt: the exchange refused the API key (HTTP 401");
        assertThat(refused.err()).doesNotContain(Files.readString(key).lines().skip(1).findFirst().orElseThrow());
    }

    private Process spawn(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), Kbt.class.getName()));
        command.addAll(args);
        // destroy() closes the pipes, so the output goes to files
        return new ProcessBuilder(command).redirectOutput(dir.resolve("recorder.out").toFile())
                .redirectError(dir.resolve("recorder.err").toFile()).start();
    }

    /** Sends {@code n} deltas alternating between the markets over about {@code seconds} seconds. */
    private void stream(FakeConnection connection, int n, int seconds) throws InterruptedException {
        for (int i = 0; i < n; i++) {
            tick++;
            ObjectNode msg = MAPPER.createObjectNode();
            msg.put("market_ticker", i % 2 == 0 ? A : B);
            msg.put("price_dollars", "0.30");
            msg.put("delta_fp", (i % 3 == 0 ? "-" : "") + "1.50");
            msg.put("side", "yes");
            msg.put("ts", String.format("2026-07-01T14:%02d:%02d.%06dZ", tick / 60_000 % 60, tick / 1000 % 60, tick % 1000));
            connection.sendData("orderbook_delta", "orderbook_delta", msg);
            Thread.sleep(seconds * 1000L / n);
        }
    }

    private void awaitStored(long lines) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < until) {
            try (Connection c = Database.connect(recorded.url()); Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("select coalesce(max(through_seq), 0) from recording_progress")) {
                r.next();
                if (r.getLong(1) >= lines) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("nothing stored in the database while recording");
    }

    private List<Path> recordings() throws Exception {
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(p -> p.toString().endsWith(".jsonl.gz")).sorted().toList();
        }
    }

    private List<Path> parts() throws Exception {
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(p -> p.toString().endsWith(".part")).toList();
        }
    }

    private void assertDatabaseEqualsImporting(List<Path> files) throws Exception {
        try (TestDatabase fresh = TestDatabase.create(RecordCommandTest.class)) {
            for (Path file : files) {
                CliRun imported = CliRun.of("import", "kalshi-ws", file.toString(), "--db", fresh.jdbcUrl());
                assertThat(imported.exit()).as(imported.err()).isZero();
            }
            List<String> expected = events(fresh);
            assertThat(expected).isNotEmpty();
            assertThat(events(recorded)).isEqualTo(expected);
        }
    }

    /** Every stored event with its file, in file order: what "the database equals the files" compares. */
    private static List<String> events(TestDatabase db) throws SQLException {
        String sql = """
                select b.file_name, e.seq, e.sub, e.kind, e.ts, m.ticker, e.detail from (
                  select batch_id, seq, sub, 'snapshot' kind, ts, market_id,
                         yes_price::text || yes_qty::text || no_price::text || no_qty::text detail from book_snapshot
                  union all select batch_id, seq, sub, 'delta', ts, market_id, side || ' ' || price || ' ' || delta
                         from book_delta
                  union all select batch_id, seq, sub, 'trade', ts, market_id,
                         taker_side || ' ' || yes_price || ' ' || count from trade) e
                join import_batch b on b.id = e.batch_id join market m on m.id = e.market_id
                order by b.file_name, e.seq, e.sub""";
        List<String> rows = new ArrayList<>();
        try (Connection c = Database.connect(db.url()); Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                rows.add(r.getString(1) + " " + r.getLong(2) + " " + r.getInt(3) + " " + r.getString(4) + " "
                        + r.getObject(5) + " " + r.getString(6) + " " + r.getString(7));
            }
        }
        return rows;
    }

    private static ObjectNode market(String ticker) {
        ObjectNode market = MAPPER.createObjectNode();
        market.put("ticker", ticker);
        market.put("event_ticker", ticker.substring(0, ticker.lastIndexOf('-')));
        market.put("status", "active");
        market.put("strike_type", "between");
        market.put("open_time", "2026-07-01T13:30:00Z");
        market.put("close_time", "2026-07-01T20:00:00Z");
        return market;
    }

    private static ObjectNode book(String ticker) {
        ObjectNode msg = MAPPER.createObjectNode();
        msg.put("market_ticker", ticker);
        msg.putArray("yes_dollars_fp").addArray().add("0.30").add("500.00");
        msg.putArray("no_dollars_fp").addArray().add("0.60").add("500.00");
        return msg;
    }
}
