package io.kbt.cli;

import io.kbt.reports.Figures;
import io.kbt.runner.Sweep;
import io.kbt.runner.SweepResult;
import io.kbt.runner.SweepRunner.Outcome;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
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
        // Created at the first finished set (the runner reports sets one at a time), so it starts after loading.
        AtomicReference<ProgressBar> bar = new AtomicReference<>();
        Sweep.Builder builder = Sweep.builder().threads(threads)
                .warnings(w -> spec.commandLine().getErr().println("kbt: warning: " + w))
                .progress((done, total) -> bar.updateAndGet(b -> b != null ? b : progressBar(total)).stepTo(done));
        grid.forEach(builder::grid);
        SweepResult result;
        try {
            result = run.setup(builder).build().report(out);
        } finally {
            if (bar.get() != null) {
                bar.get().close();
            }
        }
        PrintWriter stdout = spec.commandLine().getOut();
        print(stdout, result);
        if (result.storedAs() != null) {
            stdout.printf("  stored as sweep '%s' (%d runs in backtest_run)%n", result.storedAs(), result.outcomes().size());
            stdout.flush();
        }
        return ExitCode.OK;
    }

    private void print(PrintWriter console, SweepResult sweep) {
        List<Outcome> outcomes = sweep.outcomes();
        console.printf("kbt sweep: %s, %d parameter sets on %d market(s) from %s; data loaded once in %,d ms (%,d events)%n",
                sweep.strategy(), outcomes.size(), sweep.instruments().markets().size(), sweep.origin(), sweep.loadMs(),
                sweep.events());
        console.printf("  %,d ms for all sets on %d thread(s): %,d ms per set%n", sweep.elapsedMs(), sweep.threads(),
                sweep.elapsedMs() / Math.max(1, outcomes.size()));
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
