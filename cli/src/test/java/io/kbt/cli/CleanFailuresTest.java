package io.kbt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.db.Database;
import io.kbt.db.imports.EventImporter;
import io.kbt.db.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clean failures (issue 13, items 6 and 13–17): what was asked for and is missing, the database dying under an
 * import or while a run is stored, malformed {@code --db} URLs, options checked before any work, a sweep stored
 * in one transaction, and {@code --out} directories that are not kbt reports.
 */
class CleanFailuresTest {
    private static final String MARKET = "INXD-26JUL01-B6000";
    private static final String TRADES_ONLY = "INXD-26JUL01-B6050";
    private static final List<String> TABLES = List.of("market", "import_batch", "book_snapshot", "book_delta",
            "trade", "index_tick", "trade_key", "import_span", "backtest_run", "run_market", "run_fill");

    static TestDatabase db;

    @TempDir
    static Path dir;

    @BeforeAll
    static void importADay() throws IOException {
        db = TestDatabase.create(CleanFailuresTest.class);
        Path markets = Files.writeString(dir.resolve("markets.json"), "{\"markets\": [" + market(MARKET, 6000, 6049.99)
                + ", " + market(TRADES_ONLY, 6050, 6099.99) + "]}");
        List<String> ticks = new ArrayList<>(List.of("ts,price"));
        for (int s = 0; s < 120; s++) {
            ticks.add(String.format("2026-07-01T14:%02d:%02dZ,%d.25", s / 60, s % 60, 6020 + s % 7));
        }
        Path index = Recordings.write(dir.resolve("spx.csv"), ticks, "\n");
        Path recording = Recordings.write(dir.resolve("day.jsonl"), Recordings.recording(MARKET, 1, 100), "\n");
        Path trades = Files.writeString(dir.resolve("trades.json"), "{\"trades\": [{\"trade_id\": \"X-1\", \"ticker\": \""
                + TRADES_ONLY + "\", \"count\": 3, \"yes_price\": 40, \"no_price\": 60, \"taker_side\": \"no\","
                + " \"created_time\": \"2026-07-01T14:00:30Z\"}]}");
        for (List<String> command : List.of(List.of("import", "markets", markets.toString()),
                List.of("import", "index", index.toString(), "--symbol", "SPX"),
                List.of("import", "kalshi-ws", recording.toString()),
                List.of("import", "trades", trades.toString()))) {
            CliRun run = kbt(command.toArray(String[]::new));
            assertThat(run.exit()).as(run.err()).isZero();
        }
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void aMarketAskedForAndMissingIsAUsageErrorNamingIt() {
        CliRun run = kbt("backtest", "--from", "2026-07-01", "--market", MARKET, "--market", "INXD-26JUL01-NOPE",
                "--out", dir.resolve("missing").toString());
        assertThat(run.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err().strip()).startsWith("kbt: no market INXD-26JUL01-NOPE in PostgreSQL");
        assertThat(run.err().strip().lines()).hasSize(1);
    }

    @Test
    void aMarketAskedForWithTradesButNoBookIsAUsageErrorAndAmongOthersAWarning() {
        CliRun named = kbt("backtest", "--from", "2026-07-01", "--market", TRADES_ONLY, "--out",
                dir.resolve("no-book").toString());
        assertThat(named.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(named.err()).contains("no order-book data").contains(TRADES_ONLY);

        CliRun series = kbt("backtest", "--from", "2026-07-01", "--series", "INXD", "--out",
                dir.resolve("series").toString());
        assertThat(series.exit()).as(series.err()).isZero();
        assertThat(series.err()).contains("warning: market " + TRADES_ONLY + " has trades but no order book");
    }

    @Test
    void theDatabaseDyingMidImportIsExit4WithOneLineAndChangesNothing() throws Exception {
        Path file = Recordings.write(dir.resolve("dying.jsonl"),
                Recordings.recording("INXD-26JUL01-B6100", 1, 50), "\n");
        Map<String, Long> before = counts();
        CliRun run = whileBlocked("select pg_advisory_lock(" + EventImporter.IDENTITY_LOCK + ")",
                () -> kbt("import", "kalshi-ws", file.toString()));
        assertThat(run.exit()).as(run.err()).isEqualTo(ExitCode.DATABASE_UNREACHABLE);
        assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
        assertThat(run.err()).startsWith("kbt: " + file + ": import failed in the database: lost the connection");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void theDatabaseDyingWhileARunIsStoredIsExit4WithOneLineAndStoresNothing() throws Exception {
        Map<String, Long> before = counts();
        CliRun run = whileBlocked("lock table backtest_run in exclusive mode", () -> kbt("backtest", "--from",
                "2026-07-01", "--market", MARKET, "--out", dir.resolve("dying-run").toString()));
        assertThat(run.exit()).as(run.err()).isEqualTo(ExitCode.DATABASE_UNREACHABLE);
        assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
        assertThat(run.err()).contains("lost the connection to PostgreSQL");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aMalformedDbUrlIsAUsageError() {
        for (String url : List.of("jdbc:mysql://localhost:3306/kbt", "jdbc:postgresql://localhost:99999/kbt",
                "jdbc:postgresql://localhost:5432/kbt?sslmode=bogus")) {
            CliRun run = CliRun.of("markets", "--db", url);
            assertThat(run.exit()).as(url + ": " + run.err()).isEqualTo(ExitCode.USAGE);
            assertThat(run.err().strip().lines()).hasSize(1);
            assertThat(run.err()).startsWith("kbt: --db");
        }
        assertThat(CliRun.of("markets", "--db", "jdbc:postgresql://localhost:5432/kbt?sslmode=bogus").err())
                .contains("unknown sslmode \"bogus\"").doesNotContain("refused");
    }

    @Test
    void sweepOptionsAreCheckedBeforeAnyWorkOrStoring() {
        long runs = db.count("backtest_run");
        CliRun top = kbt("sweep", "--from", "2026-07-01", "--market", MARKET, "--grid", "halfSpread=1,2", "--top",
                "-1", "--out", dir.resolve("top").toString());
        assertThat(top.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(top.err()).contains("--top");
        CliRun threads = kbt("sweep", "--from", "2026-07-01", "--market", MARKET, "--grid", "halfSpread=1,2",
                "--threads", "0", "--out", dir.resolve("threads").toString());
        assertThat(threads.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(db.count("backtest_run")).isEqualTo(runs);
        assertThat(dir.resolve("top")).doesNotExist();
    }

    @Test
    void aSweepWhoseStoringFailsStoresNoneOfItsRuns() throws Exception {
        Map<String, Long> before = counts();
        CliRun run = whileBlocked("lock table run_fill in exclusive mode", () -> kbt("sweep", "--from", "2026-07-01",
                "--market", MARKET, "--grid", "halfSpread=1,2,3", "--threads", "1", "--out",
                dir.resolve("sweep-dying").toString()));
        assertThat(run.exit()).as(run.err()).isEqualTo(ExitCode.DATABASE_UNREACHABLE);
        assertThat(counts()).isEqualTo(before);

        CliRun ok = kbt("sweep", "--from", "2026-07-01", "--market", MARKET, "--grid", "halfSpread=1,2,3",
                "--threads", "1", "--out", dir.resolve("sweep-ok").toString());
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(db.count("backtest_run")).isEqualTo(before.get("backtest_run") + 3);
    }

    @Test
    void sigintWhileASweepStoresItsRunsStoresNoneOfThemAndSaysSoInOneLine() throws Exception {
        Map<String, Long> before = counts();
        Path err = dir.resolve("sigint.err");
        try (Connection blocker = Database.connect(db.url()); Statement s = blocker.createStatement();
                Connection watcher = Database.connect(db.url())) {
            // The sweep's second run waits (on an advisory lock the blocker holds) once its first is stored: a
            // sweep that committed run by run would leave that first run behind.
            s.execute("create function kbt_test_hold_second_run() returns trigger language plpgsql as $$ begin"
                    + " if exists (select 1 from backtest_run where sweep = new.sweep and id <> new.id) then"
                    + " perform pg_advisory_lock(4242); perform pg_advisory_unlock(4242); end if; return new; end $$");
            s.execute("create trigger kbt_test_hold after insert on backtest_run for each row"
                    + " execute function kbt_test_hold_second_run()");
            blocker.setAutoCommit(false);
            s.execute("select pg_advisory_lock(4242)");
            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                    "-cp", System.getProperty("java.class.path"), Kbt.class.getName(), "sweep", "--from",
                    "2026-07-01", "--market", MARKET, "--grid", "halfSpread=1,2,3", "--threads", "1", "--out",
                    dir.resolve("sweep-sigint").toString(), "--db", db.jdbcUrl()));
            Process sweep = new ProcessBuilder(command).redirectOutput(dir.resolve("sigint.out").toFile())
                    .redirectError(err.toFile()).start();
            int waiting = 0;
            for (int i = 0; i < 1200 && waiting == 0 && sweep.isAlive(); i++) {
                Thread.sleep(50);
                waiting = waitingBackend(watcher);
            }
            assertThat(waiting).as("the sweep's backend waiting to store its second run").isPositive();
            new ProcessBuilder("kill", "-INT", Long.toString(sweep.pid())).start().waitFor();
            assertThat(sweep.waitFor(60, TimeUnit.SECONDS)).as("the sweep ends on SIGINT").isTrue();
            s.execute("select pg_advisory_unlock(4242)");
            blocker.rollback();
            for (int i = 0; i < 200 && waitingBackend(watcher) != 0; i++) {
                Thread.sleep(50);
            }
            blocker.setAutoCommit(true);
            s.execute("drop trigger kbt_test_hold on backtest_run");
            s.execute("drop function kbt_test_hold_second_run()");
        }
        String said = Files.readString(err) + Files.readString(dir.resolve("sigint.out"));
        assertThat(said.strip().lines().filter(line -> line.startsWith("kbt:")).toList()).as(said).singleElement()
                .asString()
                .startsWith("kbt: interrupted");
        for (int i = 0; i < 200 && !counts().equals(before); i++) {
            Thread.sleep(50);
        }
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void outMustBeNewEmptyOrAReportOfTheSameKindWhichIsThenReplacedWhole() throws IOException {
        Path notReport = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(notReport.resolve("notes.txt"), "keep me");
        CliRun refused = kbt("backtest", "--from", "2026-07-01", "--market", MARKET, "--out", notReport.toString());
        assertThat(refused.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(refused.err()).contains("is not empty and is not a kbt backtest report");
        assertThat(notReport.resolve("notes.txt")).hasContent("keep me");

        Path report = dir.resolve("report");
        assertThat(kbt("backtest", "--from", "2026-07-01", "--market", MARKET, "--out", report.toString()).exit())
                .isZero();
        Files.writeString(report.resolve("fills-INXD-26JUL01-OLD.png"), "a chart of an older run");
        CliRun again = kbt("backtest", "--from", "2026-07-01", "--market", MARKET, "--out", report.toString());
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(report.resolve("fills-INXD-26JUL01-OLD.png")).doesNotExist();
        assertThat(report.resolve("summary.json")).isNotEmptyFile();

        CliRun sweepOverBacktest = kbt("sweep", "--from", "2026-07-01", "--market", MARKET, "--grid",
                "halfSpread=1,2", "--out", report.toString());
        assertThat(sweepOverBacktest.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(report.resolve("summary.json")).isNotEmptyFile();
    }

    /**
     * Runs {@code command} while a second connection holds what {@code blockingSql} takes, so that the command's
     * backend waits; then terminates that backend, as a server going away would, and returns the command's run.
     */
    private static CliRun whileBlocked(String blockingSql, Supplier<CliRun> command)
            throws Exception {
        try (Connection blocker = Database.connect(db.url()); Statement s = blocker.createStatement();
                Connection watcher = Database.connect(db.url())) {
            blocker.setAutoCommit(false);
            s.execute(blockingSql);
            CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(command);
            int waiting = 0;
            for (int i = 0; i < 600 && waiting == 0 && !run.isDone(); i++) {
                Thread.sleep(50);
                waiting = waitingBackend(watcher);
            }
            assertThat(waiting).as("a backend waiting on the lock").isPositive();
            s.execute("select pg_terminate_backend(" + waiting + ")");
            blocker.rollback();
            return run.get();
        }
    }

    private static int waitingBackend(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select pid from pg_stat_activity where"
                + " datname = current_database() and wait_event_type = 'Lock'")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static String market(String ticker, int floor, double cap) {
        return "{\"ticker\": \"" + ticker + "\", \"event_ticker\": \"INXD-26JUL01\", \"strike_type\": \"between\","
                + " \"floor_strike\": " + floor + ", \"cap_strike\": " + cap + ", \"open_time\": \"2026-07-01T13:00:00Z\","
                + " \"close_time\": \"2026-07-01T20:00:00Z\", \"result\": \"no\"}";
    }

    private static Map<String, Long> counts() {
        return db.counts(TABLES);
    }

    private static CliRun kbt(String... args) {
        return CliRun.of(Stream.concat(Arrays.stream(args), Stream.of("--db", db.jdbcUrl())).toArray(String[]::new));
    }
}
