package io.kbt.cli;

import io.kbt.cli.backtest.Backtester;
import io.kbt.cli.backtest.Figures;
import io.kbt.cli.backtest.Grid;
import io.kbt.cli.backtest.LoadedData;
import io.kbt.cli.backtest.SweepRunner;
import io.kbt.cli.backtest.SweepRunner.Outcome;
import io.kbt.db.Database;
import io.kbt.db.runs.RunDescription;
import io.kbt.db.runs.RunStore;
import io.kbt.engine.market.Selection;
import io.kbt.reports.SweepReport;
import io.kbt.reports.SweepRow;
import io.kbt.strategies.StrategySpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kbt sweep}: every parameter set of a grid over the same selection. The data is loaded and decoded once,
 * then replayed by {@code --threads} workers, each set with a fresh strategy.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Backtest every parameter set of a grid (cartesian product of the --grid axes) over the same data.")
final class SweepCommand implements Callable<Integer> {
    @Mixin
    RunOptions run;

    @Option(names = "--grid", required = true, paramLabel = "KEY=VALUES",
            description = "A swept parameter: key=v1,v2,... or key=start:end:step (repeatable; the product is run).")
    List<String> grid;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores, ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--top", paramLabel = "N", defaultValue = "5", description = "Best parameter sets to print (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Sweep directory: sweep.csv, sweep.json, heatmaps.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (top < 0) {
            throw new UsageException("--top must be 0 or more, was " + top);
        }
        if (threads < 1) {
            throw new UsageException("--threads must be 1 or more, was " + threads);
        }
        ReportDirectory.SWEEP.check(out);
        Grid parsed = Grid.parse(grid);
        StrategySpec base = run.strategySpec();
        List<Map<String, String>> points = parsed.points();
        points.forEach(base::with);
        var config = run.replayConfig();
        PrintWriter stdout = spec.commandLine().getOut();
        try (Database db = run.fromFiles() ? null : run.db.open()) {
            LoadedData data = run.load(db);
            data.warnings().forEach(w -> spec.commandLine().getErr().println("kbt: warning: " + w));
            run.warnAboutQueueOnCandles(data, spec.commandLine().getErr());
            if (run.kalshiFees()) {
                config = config.withFees(run.kalshiFeeSchedule(db, data.instruments()));
            }
            long started = System.nanoTime();
            List<Outcome> outcomes;
            try (ProgressBar bar = progressBar(points.size())) {
                outcomes = new SweepRunner(new Backtester(data, config), threads, db != null)
                        .run(base, points, (done, total) -> bar.stepTo(done));
            }
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;
            String label = db != null ? store(db, base, data, outcomes) : null;
            ReportDirectory.SWEEP.clear(out);
            SweepReport.write(out, parsed.keys(),
                    outcomes.stream().map(o -> new SweepRow(o.params(), o.result())).toList());
            print(stdout, base, data, outcomes, elapsedMs);
            if (label != null) {
                stdout.printf("  stored as sweep '%s' (%d runs in backtest_run)%n", label, outcomes.size());
                stdout.flush();
            }
        }
        return ExitCode.OK;
    }

    /**
     * Stores every set as a run labelled with this sweep, so sweeps can be compared in SQL; all in one transaction,
     * so an interrupted sweep stores none of them.
     */
    private String store(Database db, StrategySpec base, LoadedData data, List<Outcome> outcomes) {
        String label = out.toAbsolutePath().getFileName() + "-" + Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Selection selection = run.selection();
        new RunStore(db).saveAll(outcomes.stream().map(outcome -> {
            StrategySpec spec = base.with(outcome.params());
            return new RunStore.Run(new RunDescription(spec.name(), Json.object(spec.params()), selection.from(),
                    selection.to(), run.queue, run.fees, label), data.instruments(), outcome.result(), outcome.fills());
        }).toList());
        return label;
    }

    private void print(PrintWriter console, StrategySpec base, LoadedData data, List<Outcome> outcomes, long elapsedMs) {
        console.printf("kbt sweep: %s, %d parameter sets on %d market(s) from %s; data loaded once in %,d ms (%,d events)%n",
                base.name(), outcomes.size(), data.instruments().markets().size(), data.origin(), data.loadMs(),
                data.tape().size());
        console.printf("  %,d ms for all sets on %d thread(s): %,d ms per set%n", elapsedMs, threads,
                elapsedMs / Math.max(1, outcomes.size()));
        console.printf("  best %d by P&L:%n", Math.min(top, outcomes.size()));
        outcomes.stream()
                .sorted(Comparator.comparingLong((Outcome o) -> o.result().pnlMicros()).reversed())
                .limit(top)
                .forEach(o -> console.printf("    %-40s P&L %10s  drawdown %10s  fills %,d%n", o.params(),
                        Figures.dollars(o.result().pnlMicros()), Figures.dollars(o.result().maxDrawdownMicros()),
                        o.result().fills()));
        console.printf("  report        %s%n", out.toAbsolutePath().resolve("sweep.csv"));
        console.flush();
    }

    private static ProgressBar progressBar(int total) {
        return new ProgressBarBuilder()
                .setTaskName("sweep")
                .setInitialMax(total)
                .setUnit(" sets", 1)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .setUpdateIntervalMillis(1000)
                .build();
    }
}
