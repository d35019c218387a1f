package io.kbt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kbt.db.Database;
import io.kbt.db.replay.StoredData;
import io.kbt.db.testing.TestDatabase;
import io.kbt.engine.market.Selection;
import io.kbt.engine.replay.ReplayConfig;
import io.kbt.engine.run.RunListener;
import io.kbt.engine.run.RunResult;
import io.kbt.runner.Backtester;
import io.kbt.runner.LoadedData;
import io.kbt.strategies.StrategyCatalog;
import io.kbt.strategies.StrategySpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user-facing flow on the real day of 2023-04-10, in-process against PostgreSQL: import it, backtest it from
 * the database and from the files, sweep a 3×3 grid, and check every output file and figure.
 */
class BacktestCommandTest {
    private static final String DAY = "2023-04-10";
    private static final String TICKER = "INXD-23APR10-B4075";
    private static final List<String> SUMMARY_KEYS = List.of("strategy", "params", "from", "to", "markets", "events",
            "fills", "contracts", "volume_cents", "fees_cents", "pnl_cents", "max_drawdown_cents", "max_abs_position",
            "load_ms", "replay_ms");

    static TestDatabase db;
    static Path realDay;

    @TempDir
    static Path out;

    @BeforeAll
    static void importRealDay() {
        db = TestDatabase.create(BacktestCommandTest.class);
        realDay = Path.of(System.getProperty("kbt.sharedData"), "kalshi-2023-04");
        assertThat(CliRun.of("import", "markets", realDay.resolve("markets.json").toString(), "--db", db.jdbcUrl()).exit())
                .isZero();
        CliRun seed = CliRun.of("import", "seed-csv", realDay.resolve("apr-10-combined.csv").toString(),
                "--market", TICKER, "--symbol", "SPX", "--db", db.jdbcUrl());
        assertThat(seed.exit()).as(seed.err()).isZero();
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void backtestFromTheDatabaseWritesEveryReportFileAndStoresTheRun() throws IOException {
        Path report = out.resolve("db-run");
        CliRun run = CliRun.of("backtest", "--from", DAY, "--to", DAY, "--series", "INXD", "--strategy", "cauchy",
                "--set", "preset=seed", "--out", report.toString(), "--db", db.jdbcUrl());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("P&L").contains("events/s").contains(TICKER).contains("stored as run");
        for (String file : List.of("summary.json", "fills.csv", "timeseries.csv", "pnl.png", "inventory.png", "index.html")) {
            assertThat(report.resolve(file)).isNotEmptyFile();
        }
        JsonNode summary = new ObjectMapper().readTree(report.resolve("summary.json").toFile());
        SUMMARY_KEYS.forEach(key -> assertThat(summary.has(key)).as(key).isTrue());
        assertThat(summary.get("markets").get(0).get("ticker").asText()).isEqualTo(TICKER);
        assertThat(summary.get("markets").get(0).get("result").asText()).isEqualToIgnoringCase("no");
        long fills = summary.get("fills").asLong();
        assertThat(fills).isPositive();
        assertThat(report.resolve("fills-" + TICKER + ".png")).isNotEmptyFile();
        assertThat(Files.readAllLines(report.resolve("fills.csv"))).hasSize((int) fills + 1);
        assertThat(db.count("backtest_run")).isPositive();
    }

    @Test
    void filesAndDatabaseGiveTheSameFigures() throws IOException {
        Path fromDb = out.resolve("same-db");
        Path fromFiles = out.resolve("same-files");
        CliRun dbRun = CliRun.of("backtest", "--from", DAY, "--market", TICKER, "--set", "preset=seed",
                "--out", fromDb.toString(), "--db", db.jdbcUrl());
        CliRun fileRun = CliRun.of("backtest", "--from", DAY, "--market", TICKER, "--set", "preset=seed",
                "--out", fromFiles.toString(), "--data", realDay.toString());

        assertThat(dbRun.exit()).as(dbRun.err()).isZero();
        assertThat(fileRun.exit()).as(fileRun.err()).isZero();
        assertThat(figures(fromFiles)).isEqualTo(figures(fromDb));
        assertThat(Files.readString(fromFiles.resolve("fills.csv"))).isEqualTo(Files.readString(fromDb.resolve("fills.csv")));
    }

    @Test
    void sweepWritesOneRowPerSetAndEachSetMatchesASeparateBacktest() throws IOException {
        Path sweep = out.resolve("sweep");
        CliRun run = CliRun.of("sweep", "--from", DAY, "--series", "INXD", "--set", "preset=seed",
                "--grid", "halfSpread=1,2,3", "--grid", "skew=0:0.2:0.1", "--threads", "2",
                "--out", sweep.toString(), "--db", db.jdbcUrl());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("9 parameter sets").contains("best").contains("stored as sweep");
        assertThat(db.count("backtest_run where sweep is not null")).isEqualTo(9);
        assertThat(sweep.resolve("sweep.json")).isNotEmptyFile();
        assertThat(sweep.resolve("heatmap-pnl.png")).isNotEmptyFile();
        List<String> rows = Files.readAllLines(sweep.resolve("sweep.csv"));
        assertThat(rows).hasSize(10);
        List<String> header = List.of(rows.get(0).split(","));
        assertThat(header).startsWith("halfSpread", "skew").contains("pnl_cents", "fills", "max_drawdown_cents");

        try (Database database = db.open()) {
            Selection selection = new Selection(List.of("INXD"), List.of(), LocalDate.parse(DAY), LocalDate.parse(DAY));
            LoadedData data = LoadedData.load(new StoredData(database)::open, selection, "test");
            Backtester backtester = new Backtester(data, ReplayConfig.defaults());
            StrategySpec base = StrategyCatalog.builtIn().spec("cauchy", Map.of("preset", "seed"));
            for (String row : rows.subList(1, rows.size())) {
                String[] cells = row.split(",");
                RunResult alone = backtester.run(base.with(Map.of("halfSpread", cells[0], "skew", cells[1])), RunListener.NONE);
                int pnl = header.indexOf("pnl_cents");
                int fills = header.indexOf("fills");
                assertThat(new java.math.BigDecimal(cells[pnl]))
                        .as(row).isEqualByComparingTo(java.math.BigDecimal.valueOf(alone.pnlMicros(), 4));
                assertThat(Long.parseLong(cells[fills])).as(row).isEqualTo(alone.fills());
            }
        }
    }

    @Test
    void anEmptySelectionIsAUsageError() {
        CliRun run = CliRun.of("backtest", "--from", "2020-01-02", "--series", "INXD", "--out", out.resolve("none").toString(),
                "--db", db.jdbcUrl());

        assertThat(run.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("no market").contains("2020-01-02");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void anUnknownStrategyKeyIsAUsageErrorNamingTheKey() {
        CliRun run = CliRun.of("backtest", "--from", DAY, "--set", "halfSpred=2", "--out", out.resolve("bad").toString(),
                "--db", db.jdbcUrl());

        assertThat(run.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("halfSpred");
    }

    @Test
    void anEndDateBeforeTheStartIsAUsageError() {
        CliRun run = CliRun.of("backtest", "--from", "2023-04-11", "--to", DAY, "--out", out.resolve("dates").toString(),
                "--data", realDay.toString());

        assertThat(run.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--to 2023-04-10 is before --from 2023-04-11");
        assertThat(out.resolve("dates")).doesNotExist();
    }

    @Test
    void anUnknownQueueModelOrFeeScheduleIsAUsageError() {
        CliRun queue = CliRun.of("backtest", "--from", DAY, "--queue", "fifo", "--out", out.resolve("q").toString(),
                "--data", realDay.toString());
        CliRun fees = CliRun.of("backtest", "--from", DAY, "--fees", "cheap", "--out", out.resolve("f").toString(),
                "--data", realDay.toString());

        assertThat(queue.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(queue.err()).contains("fifo").contains("risk-averse");
        assertThat(fees.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(fees.err()).contains("cheap");
    }

    @Test
    void aRecordingWithoutTradesIsWarnedAboutInTheSummaryAndTheReport() throws IOException {
        Path report = out.resolve("no-trades");
        CliRun run = CliRun.of("backtest", "--from", "2026-06-30", "--market", "KXNEXTTEAMNBA-26LJAM-MIA",
                "--out", report.toString(),
                "--data", Path.of(System.getProperty("kbt.sharedData"), "kalshi-ws-2026-07").toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("warning       1 market had no trades at all (KXNEXTTEAMNBA-26LJAM-MIA)");
        JsonNode summary = new ObjectMapper().readTree(report.resolve("summary.json").toFile());
        assertThat(summary.get("book_anomalies").get("markets_without_trades").get(0).asText())
                .isEqualTo("KXNEXTTEAMNBA-26LJAM-MIA");
        assertThat(Files.readString(report.resolve("index.html"))).contains("no trades at all");
        // The real day has trades: no such warning.
        CliRun traded = CliRun.of("backtest", "--from", DAY, "--market", TICKER, "--set", "preset=seed",
                "--out", out.resolve("traded").toString(), "--data", realDay.toString());
        assertThat(traded.exit()).as(traded.err()).isZero();
        assertThat(traded.out()).doesNotContain("no trades");
    }

    private static JsonNode figures(Path report) throws IOException {
        var copy = UntimedSummary.of(report);
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = copy.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        assertThat(names).contains("pnl_cents", "fills");
        return copy;
    }
}
