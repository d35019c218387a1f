package io.kbt.cli;

import io.kbt.reports.Figures;
import io.kbt.runner.Sweep;
import io.kbt.runner.SweepResult;
import io.kbt.runner.SweepResult.Outcome;
import io.kbt.runner.stats.SweepStatistics;
import io.kbt.runner.stats.WalkForward;
import io.kbt.runner.sweep.ShardedSweep;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * {@code kbt sweep}: every parameter set of a grid over the same selection, as a (set × shard) matrix of cells run
 * by the runner's {@link Sweep} on {@code --threads} workers or as Spark tasks; prints the best sets and the
 * overfitting statistics.
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

    @Option(names = "--shards", defaultValue = "auto", paramLabel = "MODE",
            description = "Split the range into independent shards (groups of markets sharing no time, e.g. settlement"
                    + " days): ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ShardedSweep.Sharding shards;

    @Option(names = "--pbo-splits", paramLabel = "S",
            description = "Blocks of days for the probability of backtest overfitting (even; default 16, skipped with a"
                    + " note when the sweep has fewer days; given explicitly, too few days is an error).")
    Integer pboSplits;

    @Option(names = "--walk-forward", paramLabel = "train=N,test=M",
            description = "Walk-forward: pick the best set on each N-day training window, apply it to the next M days.")
    String walkForward;

    @Option(names = "--select", defaultValue = "pnl", paramLabel = "CRITERION",
            description = "How walk-forward picks a window's best set: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    WalkForward.Criterion select;

    @Option(names = "--spark", paramLabel = "MASTER",
            description = "Run the cells as Apache Spark tasks on MASTER (local[N], spark://host:port); each executor"
                    + " loads its shards from --data DIR or the database itself.")
    String sparkMaster;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Sweep directory: sweep.csv, daily.csv, sweep.json, sweep.html, heatmaps and charts.")
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
        // Created at the first finished cell (the runner reports cells one at a time), so it starts after planning.
        AtomicReference<ProgressBar> bar = new AtomicReference<>();
        Sweep.Builder builder = Sweep.builder().threads(threads).sharding(shards).spark(sparkMaster)
                .warnings(w -> spec.commandLine().getErr().println("kbt: warning: " + w))
                .progress((done, total) -> bar.updateAndGet(b -> b != null ? b : progressBar(total)).stepTo(done));
        grid.forEach(builder::grid);
        if (pboSplits != null) {
            builder.pboSplits(pboSplits);
        }
        if (walkForward != null) {
            SweepStatistics.WalkForwardSpec walk = walkForwardSpec();
            builder.walkForward(walk.train(), walk.test(), walk.criterion());
        }
        SweepResult result;
        try {
            result = run.setup(builder).build().report(out);
        } finally {
            if (bar.get() != null) {
                bar.get().close();
            }
        }
        result.notices().forEach(n -> spec.commandLine().getErr().println("kbt: note: " + n));
        spec.commandLine().getErr().flush();
        PrintWriter stdout = spec.commandLine().getOut();
        print(stdout, result);
        printStatistics(stdout, result);
        if (result.storedAs() != null) {
            stdout.printf("  stored as sweep '%s' (%d runs in backtest_run)%n", result.storedAs(), result.outcomes().size());
            stdout.flush();
        }
        return ExitCode.OK;
    }

    private SweepStatistics.WalkForwardSpec walkForwardSpec() {
        Map<String, Integer> parts = new HashMap<>();
        for (String part : walkForward.split(",")) {
            String[] kv = part.split("=");
            try {
                parts.put(kv[0].trim(), Integer.parseInt(kv[1].trim()));
            } catch (RuntimeException e) {
                throw new UsageException("--walk-forward '" + walkForward + "': expected train=N,test=M (days)");
            }
        }
        Integer train = parts.get("train");
        Integer test = parts.get("test");
        if (train == null || test == null || parts.size() != 2 || train < 1 || test < 1) {
            throw new UsageException("--walk-forward '" + walkForward + "': expected train=N,test=M with N, M >= 1");
        }
        return new SweepStatistics.WalkForwardSpec(train, test, select);
    }

    private void print(PrintWriter console, SweepResult sweep) {
        List<Outcome> outcomes = sweep.outcomes();
        int shardCount = sweep.matrix().shards().size();
        console.printf("kbt sweep: %s, %d parameter sets × %d shard(s) = %,d cells on %d market(s) from %s; each shard"
                        + " read once, %,d ms reading%n", sweep.strategy(), outcomes.size(), shardCount,
                outcomes.size() * shardCount, sweep.instruments().markets().size(), sweep.origin(), sweep.loadMs());
        console.printf("  %,d ms for all cells on %s: %,d ms per set%n", sweep.elapsedMs(),
                sweep.master() != null ? "Spark " + sweep.master() : sweep.threads() + " thread(s)",
                sweep.elapsedMs() / Math.max(1, outcomes.size()));
        console.printf("  best %d by P&L:%n", Math.min(top, outcomes.size()));
        outcomes.stream()
                .sorted(Comparator.comparingLong((Outcome o) -> o.result().pnlMicros()).reversed())
                .limit(top)
                .forEach(o -> console.printf("    %-40s P&L %10s  drawdown %10s  fills %,d%n", o.params(),
                        Figures.dollars(o.result().pnlMicros()), Figures.dollars(o.result().maxDrawdownMicros()),
                        o.result().fills()));
        console.printf("  report        %s%n", out.toAbsolutePath().resolve("sweep.csv"));
        console.printf("  per day       %s%n", out.toAbsolutePath().resolve("daily.csv"));
        console.flush();
    }

    private void printStatistics(PrintWriter console, SweepResult sweep) {
        SweepStatistics stats = sweep.statistics();
        if (stats.deflatedSharpe() != null) {
            var dsr = stats.deflatedSharpe();
            console.printf("  deflated Sharpe of the best set by Sharpe %s: %.3f (daily Sharpe %.3f vs %.3f expected"
                            + " from luck over %d sets, %d days)%n", sweep.matrix().sets().get(dsr.bestSet()),
                    dsr.probability(), dsr.sharpe(), dsr.expectedMaxSharpe(), dsr.trials(), dsr.days());
        }
        if (stats.pbo() != null) {
            console.printf("  probability of backtest overfitting: %.3f (%d splits, %,d combinations)%n",
                    stats.pbo().probability(), stats.pbo().splits(), stats.pbo().combinations());
        }
        if (stats.walkForward() != null) {
            var wf = stats.walkForward();
            console.printf("  walk-forward train=%d,test=%d by %s: out-of-sample P&L %s over %d windows%n", wf.train(),
                    wf.test(), wf.criterion().name().toLowerCase(Locale.ROOT), Figures.dollars(wf.totalMicros()),
                    wf.windows().size());
        }
        stats.notes().forEach(n -> console.println("  note: " + n));
        console.printf("  statistics    %s%n", out.toAbsolutePath().resolve("sweep.html"));
        console.flush();
    }

    private static ProgressBar progressBar(int total) {
        return new ProgressBarBuilder()
                .setTaskName("sweep")
                .setInitialMax(total)
                .setUnit(" cells", 1)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .setUpdateIntervalMillis(1000)
                .build();
    }
}
