package io.kbt.cli;

import io.kbt.engine.run.RunResult;
import io.kbt.runner.Backtest;
import io.kbt.runner.BacktestResult;
import io.kbt.reports.Figures;
import java.io.PrintWriter;
import java.nio.file.Path;
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
        PrintWriter stderr = spec.commandLine().getErr();
        Backtest backtest = run.setup(Backtest.builder())
                .sampleSeconds(sampleSeconds)
                .warnings(w -> stderr.println("kbt: warning: " + w))
                .build();
        printSummary(spec.commandLine().getOut(), backtest.report(out));
        return ExitCode.OK;
    }

    static void printSummary(PrintWriter out, BacktestResult run) {
        RunResult result = run.result();
        long replayMs = result.replayNanos() / 1_000_000;
        long eventsPerSecond = result.replayNanos() > 0 ? result.events() * 1_000_000_000L / result.replayNanos() : 0;
        out.printf("kbt backtest: %s on %d market(s), %s to %s, from %s%n", run.strategy(),
                run.instruments().markets().size(), run.selection().from(), run.selection().to(), run.origin());
        out.printf("  P&L           %s   (fees %s)%n", Figures.dollars(result.pnlMicros()), Figures.dollars(result.feesMicros()));
        out.printf("  fills         %,d   contracts %s   volume %s%n", result.fills(), Figures.contracts(result.contracts()),
                Figures.dollars(result.volumeMicros()));
        out.printf("  max drawdown  %s   max |position| %s contracts%n", Figures.dollars(result.maxDrawdownMicros()),
                Figures.contracts(result.maxAbsPosition()));
        out.printf("  events        %,d replayed in %,d ms (%,d events/s); load %,d ms%n", result.events(), replayMs,
                eventsPerSecond, run.loadMs());
        for (var market : result.markets()) {
            out.printf("  %-28s %-7s P&L %s, %d fills, final position %s%n", market.ticker(), market.result(),
                    Figures.dollars(market.pnlMicros()), market.fills(), Figures.contracts(market.finalPosition()));
        }
        for (String warning : result.anomalies().warnings()) {
            out.printf("  warning       %s%n", warning);
        }
        if (run.runId() != null) {
            out.printf("  stored as run %d%n", run.runId());
        }
        out.printf("  report        %s%n", run.index().toAbsolutePath());
        out.flush();
    }
}
