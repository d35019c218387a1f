package io.kbt.cli;

import io.kbt.cli.backtest.Backtester;
import io.kbt.cli.backtest.FillCollector;
import io.kbt.cli.backtest.Figures;
import io.kbt.cli.backtest.LoadedData;
import io.kbt.db.Database;
import io.kbt.db.runs.RunDescription;
import io.kbt.db.runs.RunStore;
import io.kbt.engine.fees.KalshiFeeSchedule;
import io.kbt.engine.market.Selection;
import io.kbt.engine.run.RunListener;
import io.kbt.engine.run.RunResult;
import io.kbt.reports.BacktestReport;
import io.kbt.reports.RunInfo;
import io.kbt.strategies.StrategySpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kbt backtest}: one strategy configuration over a date range, with a report directory. */
@Command(name = "backtest", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Replay the selected markets through a strategy and write a report (summary.json, CSVs, PNGs, index.html).")
final class BacktestCommand implements Callable<Integer> {
    @Mixin
    RunOptions run;

    @Option(names = "--sample", paramLabel = "SECONDS", defaultValue = "0",
            description = "Thin timeseries.csv to at most one row per market per SECONDS; fills are always kept (default: every change).")
    long sampleSeconds;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Report directory (created if missing).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (sampleSeconds < 0) {
            throw new UsageException("--sample must be 0 or more seconds");
        }
        ReportDirectory.BACKTEST.check(out);
        StrategySpec strategy = run.strategySpec();
        var config = run.replayConfig();
        Selection selection = run.selection();
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        try (Database db = run.fromFiles() ? null : run.db.open()) {
            LoadedData data = run.load(db);
            data.warnings().forEach(w -> stderr.println("kbt: warning: " + w));
            run.warnAboutQueueOnCandles(data, stderr);
            List<String> feeDetails = List.of();
            if (run.kalshiFees()) {
                KalshiFeeSchedule kalshi = run.kalshiFeeSchedule(db, data.instruments());
                config = config.withFees(kalshi);
                feeDetails = kalshi.describe();
            }
            FillCollector fills = new FillCollector();
            RunResult result;
            Path index;
            ReportDirectory.BACKTEST.clear(out);
            try (BacktestReport report = new BacktestReport(out, data.instruments(), sampleSeconds * 1_000_000)) {
                result = new Backtester(data, config).run(strategy, RunListener.all(report, fills));
                index = report.finish(result, new RunInfo(strategy.name(), strategy.params(), selection.from(),
                        selection.to(), run.queue, run.fees, data.loadMs(), data.bookSources(), feeDetails));
            }
            Long runId = null;
            if (db != null) {
                runId = new RunStore(db).save(new RunDescription(strategy.name(), Json.object(strategy.params()),
                        selection.from(), selection.to(), run.queue, run.fees, null), data.instruments(), result, fills.fills());
            }
            printSummary(stdout, strategy, selection, data, result, index, runId);
        }
        return ExitCode.OK;
    }

    static void printSummary(PrintWriter out, StrategySpec strategy, Selection selection, LoadedData data,
            RunResult result, Path index, Long runId) {
        long replayMs = result.replayNanos() / 1_000_000;
        long eventsPerSecond = result.replayNanos() > 0 ? result.events() * 1_000_000_000L / result.replayNanos() : 0;
        out.printf("kbt backtest: %s on %d market(s), %s to %s, from %s%n", strategy.name(),
                data.instruments().markets().size(), selection.from(), selection.to(), data.origin());
        out.printf("  P&L           %s   (fees %s)%n", Figures.dollars(result.pnlMicros()), Figures.dollars(result.feesMicros()));
        out.printf("  fills         %,d   contracts %s   volume %s%n", result.fills(), Figures.contracts(result.contracts()),
                Figures.dollars(result.volumeMicros()));
        out.printf("  max drawdown  %s   max |position| %s contracts%n", Figures.dollars(result.maxDrawdownMicros()),
                Figures.contracts(result.maxAbsPosition()));
        out.printf("  events        %,d replayed in %,d ms (%,d events/s); load %,d ms%n", result.events(), replayMs,
                eventsPerSecond, data.loadMs());
        for (var market : result.markets()) {
            out.printf("  %-28s %-7s P&L %s, %d fills, final position %s%n", market.ticker(), market.result(),
                    Figures.dollars(market.pnlMicros()), market.fills(), Figures.contracts(market.finalPosition()));
        }
        for (String warning : result.anomalies().warnings()) {
            out.printf("  warning       %s%n", warning);
        }
        if (runId != null) {
            out.printf("  stored as run %d%n", runId);
        }
        out.printf("  report        %s%n", index.toAbsolutePath());
        out.flush();
    }
}
