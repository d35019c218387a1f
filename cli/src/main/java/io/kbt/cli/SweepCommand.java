package io.kbt.cli;

import io.kbt.cli.backtest.Figures;
import io.kbt.cli.backtest.Grid;
import io.kbt.cli.backtest.SweepRunner.Outcome;
import io.kbt.db.Database;
import io.kbt.db.runs.RunDescription;
import io.kbt.db.runs.RunStore;
import io.kbt.engine.market.Selection;
import io.kbt.engine.market.Instruments;
import io.kbt.reports.DailyCsv;
import io.kbt.reports.DailyRow;
import io.kbt.reports.SweepHtml;
import io.kbt.reports.SweepReport;
import io.kbt.runner.stats.SweepStatistics;
import io.kbt.runner.stats.WalkForward;
import io.kbt.runner.sweep.SweepFigures;
import io.kbt.runner.sweep.CellResult;
import io.kbt.runner.sweep.LocalSweep;
import io.kbt.runner.sweep.RemoteSweep;
import io.kbt.runner.sweep.ShardPlan;
import io.kbt.runner.sweep.SweepJob;
import io.kbt.runner.sweep.ShardedSweep;
import io.kbt.runner.sweep.SweepMatrix;
import io.kbt.reports.SweepRow;
import io.kbt.strategies.StrategySpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
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
 * {@code kbt sweep}: every parameter set of a grid over the same selection, as a (set × shard) matrix of cells.
 * The selection is read once, in time order, split into shards (groups of markets that share no time, e.g.
 * settlement days) as it goes; {@code --threads} workers replay each shard's cells, each with a fresh strategy.
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

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Sweep directory: sweep.csv, sweep.json, heatmaps.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Grid parsed = Grid.parse(grid);
        StrategySpec base = run.strategySpec();
        List<Map<String, String>> points = parsed.points();
        List<StrategySpec> specs = points.stream().map(base::with).toList();
        var config = run.replayConfig();
        if (threads < 1) {
            throw new UsageException("--threads must be at least 1");
        }
        SweepStatistics.WalkForwardSpec walk = walkForwardSpec();
        if (pboSplits != null && (pboSplits < 2 || pboSplits % 2 != 0)) {
            throw new UsageException("--pbo-splits must be an even number of at least 2, not " + pboSplits);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        try (Database db = run.fromFiles() ? null : run.db.open()) {
            long started = System.nanoTime();
            ShardedSweep.Result sweep;
            try (ProgressBar bar = progressBar(points.size())) {
                if (sparkMaster != null) {
                    sweep = onSpark(db, points, specs, walk, (done, total) -> {
                        bar.maxHint(total);
                        bar.stepTo(done);
                    });
                } else {
                    sweep = ShardedSweep.run(run.opener(db), run.selection(), points, specs, config, threads,
                            db != null, shards, plan -> checkDays(plan.shards().size(), walk), (done, total) -> {
                                bar.maxHint(total);
                                bar.stepTo(done);
                            });
                }
            }
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;
            sweep.warnings().forEach(w -> spec.commandLine().getErr().println("kbt: warning: " + w));
            sweep.plan().notices().forEach(n -> spec.commandLine().getErr().println("kbt: note: " + n));
            spec.commandLine().getErr().flush();
            SweepMatrix matrix = sweep.outcome().matrix();
            List<Outcome> outcomes = new ArrayList<>();
            for (int set = 0; set < points.size(); set++) {
                outcomes.add(new Outcome(points.get(set), matrix.total(set), sweep.outcome().fills().get(set)));
            }
            String label = db != null ? store(db, base, sweep.instruments(), outcomes) : null;
            SweepStatistics stats = SweepFigures.statistics(matrix, pboSplits, walk);
            List<Path> written = SweepReport.write(out, parsed.keys(),
                    outcomes.stream().map(o -> new SweepRow(o.params(), o.result())).toList(),
                    Map.of("statistics", SweepFigures.json(matrix, stats)));
            DailyCsv.write(out.resolve("daily.csv"), parsed.keys(), dailyRows(matrix));
            List<String> heatmaps = written.stream().map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("heatmap-")).toList();
            SweepHtml.write(out, SweepFigures.page("kbt sweep · " + base.name() + " · " + run.selection().from()
                    + " – " + run.selection().to(), matrix, stats), heatmaps);
            print(stdout, base, sweep, outcomes, elapsedMs);
            printStatistics(stdout, matrix, stats);
            if (label != null) {
                stdout.printf("  stored as sweep '%s' (%d runs in backtest_run)%n", label, outcomes.size());
                stdout.flush();
            }
        }
        return ExitCode.OK;
    }

    /**
     * Runs the cells as Spark tasks: the driver only plans (reading the selection's markets, not their events);
     * each executor loads its shard from the same directory or database. Fills stay on the executors, so the
     * stored runs carry figures only.
     */
    private ShardedSweep.Result onSpark(Database db, List<Map<String, String>> points, List<StrategySpec> specs,
            SweepStatistics.WalkForwardSpec walk, RemoteSweep.Progress progress) {
        RemoteSweep remote = ServiceLoader.load(RemoteSweep.class).findFirst().orElseThrow(() -> new UsageException(
                "--spark needs the kbt-spark module on the class path: run it through the kbt launcher (which adds"
                        + " it) or spark-submit kbt-spark.jar"));
        Instruments instruments = run.instruments(db);
        ShardPlan plan = ShardedSweep.plan(instruments, run.selection(), specs, shards);
        checkDays(plan.shards().size(), walk);
        SweepJob.Source source = db != null ? SweepJob.Stored.of(db.url())
                : new SweepJob.Files(run.data.toAbsolutePath().toString());
        SweepJob job = new SweepJob(source, plan.shards(),
                instruments.markets().stream().map(m -> m.ticker()).toList(), specs.get(0).name(),
                specs.stream().map(StrategySpec::params).toList(), run.queue, run.fees,
                run.react == RunOptions.React.EVENT);
        SweepMatrix matrix = remote.run(sparkMaster, job, progress).relabelled(points);
        List<List<io.kbt.engine.run.Fill>> noFills = points.stream().map(p -> List.<io.kbt.engine.run.Fill>of()).toList();
        return new ShardedSweep.Result(plan, instruments, new LocalSweep.Outcome(matrix, noFills, 0), List.of());
    }

    private SweepStatistics.WalkForwardSpec walkForwardSpec() {
        if (walkForward == null) {
            return null;
        }
        Map<String, Integer> parts = new java.util.HashMap<>();
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

    /** Refuses, before any cell runs, statistics asked for by name that the sweep's days cannot support. */
    private void checkDays(int days, SweepStatistics.WalkForwardSpec walk) {
        if (pboSplits != null && days < pboSplits) {
            throw new UsageException("--pbo-splits " + pboSplits + " needs at least " + pboSplits
                    + " days (shards), the sweep has " + days + "; pass a smaller even --pbo-splits or a longer range");
        }
        if (walk != null && days <= walk.train()) {
            throw new UsageException("--walk-forward train=" + walk.train() + " needs more than " + walk.train()
                    + " days (shards), the sweep has " + days);
        }
    }

    private void printStatistics(PrintWriter console, SweepMatrix matrix, SweepStatistics stats) {
        if (stats.deflatedSharpe() != null) {
            var dsr = stats.deflatedSharpe();
            console.printf("  deflated Sharpe of the best set by Sharpe %s: %.3f (daily Sharpe %.3f vs %.3f expected"
                            + " from luck over %d sets, %d days)%n", matrix.sets().get(dsr.bestSet()), dsr.probability(),
                    dsr.sharpe(), dsr.expectedMaxSharpe(), dsr.trials(), dsr.days());
        }
        if (stats.pbo() != null) {
            console.printf("  probability of backtest overfitting: %.3f (%d splits, %,d combinations)%n",
                    stats.pbo().probability(), stats.pbo().splits(), stats.pbo().combinations());
        }
        if (stats.walkForward() != null) {
            var wf = stats.walkForward();
            console.printf("  walk-forward train=%d,test=%d by %s: out-of-sample P&L %s over %d windows%n", wf.train(),
                    wf.test(), select.name().toLowerCase(java.util.Locale.ROOT), Figures.dollars(wf.totalMicros()),
                    wf.windows().size());
        }
        stats.notes().forEach(n -> console.println("  note: " + n));
        console.printf("  statistics    %s%n", out.toAbsolutePath().resolve("sweep.html"));
        console.flush();
    }

    private static List<DailyRow> dailyRows(SweepMatrix matrix) {
        List<DailyRow> rows = new ArrayList<>();
        for (int set = 0; set < matrix.sets().size(); set++) {
            for (int shard = 0; shard < matrix.shards().size(); shard++) {
                CellResult c = matrix.cell(set, shard);
                rows.add(new DailyRow(matrix.sets().get(set), matrix.shards().get(shard).day(), c.pnlMicros(),
                        c.fills(), c.contracts(), c.feesMicros(), c.maxAbsPosition(), c.maxDrawdownMicros()));
            }
        }
        return rows;
    }

    /** Stores every set as a run labelled with this sweep, so sweeps can be compared in SQL. */
    private String store(Database db, StrategySpec base, Instruments instruments, List<Outcome> outcomes) {
        String label = out.toAbsolutePath().getFileName() + "-" + Instant.now().truncatedTo(ChronoUnit.SECONDS);
        RunStore store = new RunStore(db);
        Selection selection = run.selection();
        for (Outcome outcome : outcomes) {
            StrategySpec spec = base.with(outcome.params());
            store.save(new RunDescription(spec.name(), Json.object(spec.params()), selection.from(), selection.to(),
                    run.queue, run.fees, label), instruments, outcome.result(), outcome.fills());
        }
        return label;
    }

    private void print(PrintWriter console, StrategySpec base, ShardedSweep.Result sweep, List<Outcome> outcomes,
            long elapsedMs) {
        int shardCount = sweep.plan().shards().size();
        console.printf("kbt sweep: %s, %d parameter sets × %d shard(s) = %,d cells on %d market(s); each shard read"
                        + " once, %,d ms reading%n", base.name(), outcomes.size(), shardCount,
                outcomes.size() * shardCount, sweep.instruments().markets().size(), sweep.outcome().loadMs());
        console.printf("  %,d ms for all cells on %s: %,d ms per set%n", elapsedMs,
                sparkMaster != null ? "Spark " + sparkMaster : threads + " thread(s)",
                elapsedMs / Math.max(1, outcomes.size()));
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
