package io.kbt.runner;

import io.kbt.db.Database;
import io.kbt.db.history.CandleBooks;
import io.kbt.db.runs.RunDescription;
import io.kbt.db.runs.RunStore;
import io.kbt.engine.event.DataSet;
import io.kbt.engine.market.Instruments;
import io.kbt.engine.market.Market;
import io.kbt.engine.market.Selection;
import io.kbt.engine.replay.ReplayConfig;
import io.kbt.engine.run.Fill;
import io.kbt.reports.DailyCsv;
import io.kbt.reports.DailyRow;
import io.kbt.reports.SweepHtml;
import io.kbt.reports.SweepReport;
import io.kbt.reports.SweepRow;
import io.kbt.runner.SweepResult.Outcome;
import io.kbt.runner.stats.SweepStatistics;
import io.kbt.runner.stats.WalkForward;
import io.kbt.runner.sweep.CellResult;
import io.kbt.runner.sweep.LocalSweep;
import io.kbt.runner.sweep.RemoteSweep;
import io.kbt.runner.sweep.ShardPlan;
import io.kbt.runner.sweep.ShardedSweep;
import io.kbt.runner.sweep.SweepFigures;
import io.kbt.runner.sweep.SweepJob;
import io.kbt.runner.sweep.SweepMatrix;
import io.kbt.strategies.StrategySpec;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * kbt's library API for a parameter sweep, the same code {@code kbt sweep} runs: every point of a grid over the
 * same selection as a (set × shard) matrix of cells. Shards are groups of markets that share no time (e.g.
 * settlement days); the selection is read once in time order and split into shards as it goes, and each cell
 * replays one shard with a fresh strategy, on a pool of threads or as Apache Spark tasks. The per-day matrix gives
 * the overfitting statistics (deflated Sharpe, PBO, walk-forward).
 *
 * <pre>{@code
 * SweepResult r = Sweep.builder()
 *         .data(Path.of("recordings")).from(LocalDate.of(2026, 1, 5)).to(LocalDate.of(2026, 1, 30))
 *         .strategy("cauchy").set("preset", "seed")
 *         .grid("halfSpread", "1", "2", "3").grid("skew=0:0.2:0.1")
 *         .walkForward(10, 5, WalkForward.Criterion.SHARPE)
 *         .build()
 *         .report(Path.of("sweep"));
 * }</pre>
 */
public final class Sweep {
    /** Told after each finished cell (parameter set × shard), from worker threads or the Spark driver. */
    public interface Progress {
        void finished(int done, int total);
    }

    private final Builder setup;
    private final StrategySpec base;
    private final Grid grid;
    private final List<Map<String, String>> points;
    private final List<StrategySpec> specs;
    private final ReplayConfig config;

    private Sweep(Builder setup) {
        this.setup = setup;
        this.base = setup.strategySpec();
        this.grid = Grid.parse(setup.axes);
        this.points = grid.points();
        this.specs = points.stream().map(base::with).toList();
        this.config = setup.replayConfig();
        if (setup.threads < 1) {
            throw new InvalidRunException("--threads must be at least 1");
        }
        if (setup.pboSplits != null && (setup.pboSplits < 2 || setup.pboSplits % 2 != 0)) {
            throw new InvalidRunException("--pbo-splits must be an even number of at least 2, not " + setup.pboSplits);
        }
        if (setup.spark != null && setup.marketData() instanceof MarketData.Memory) {
            throw new InvalidRunException("--spark needs data the executors can read: a --data directory or a database");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The base strategy every point is laid over. */
    public StrategySpec base() {
        return base;
    }

    /** Every parameter set, in grid order (the last axis varies fastest). */
    public List<Map<String, String>> points() {
        return points;
    }

    /** Runs every cell; from PostgreSQL stores each set as a run labelled {@code sweep-<time>}. */
    public SweepResult run() {
        return execute(null);
    }

    /**
     * Runs every cell and writes sweep.csv, daily.csv, sweep.json (with the statistics), sweep.html and the charts
     * to {@code dir}.
     */
    public SweepResult report(Path dir) {
        return execute(Objects.requireNonNull(dir, "dir"));
    }

    private SweepResult execute(Path dir) {
        MarketData data = setup.marketData();
        Selection selection = setup.selection();
        if (dir != null) {
            ReportDirectory.SWEEP.check(dir);
        }
        Database opened = data.open();
        try {
            Database store = opened != null ? opened : data instanceof MarketData.Store(Database db) ? db : null;
            boolean storing = store != null && setup.store;
            String origin = data.origin(opened);
            ReplayConfig config = setup.kalshiFeeHistory()
                    ? setup.withFees(this.config, data.instruments(selection, opened, setup.plugins()), store)
                    : this.config;
            long started = System.nanoTime();
            ShardedSweep.Result sweep;
            if (setup.spark != null) {
                sweep = onSpark(data, opened, store, selection, origin, config);
            } else {
                // Each shard's books are recorded or built from candles as a backtest's are.
                Map<String, String> bookSources = Collections.synchronizedMap(new LinkedHashMap<>());
                CheckedOpener opener = new CheckedOpener(setup.opener(opened, bookSources), origin);
                sweep = ShardedSweep.run(opener, selection, points, specs, config, setup.threads, storing,
                        setup.sharding, plan -> checkDays(plan.shards().size()), setup.progress::finished);
                opener.bookWarnings(sweep.instruments(), selection).forEach(setup::warn);
                setup.warnCandleQueue(config, bookSources);
            }
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;
            sweep.warnings().forEach(setup::warn);
            SweepMatrix matrix = sweep.outcome().matrix();
            List<Outcome> outcomes = new ArrayList<>(points.size());
            for (int set = 0; set < points.size(); set++) {
                outcomes.add(new Outcome(points.get(set), matrix.total(set), sweep.outcome().fills().get(set)));
            }
            SweepStatistics statistics;
            try {
                statistics = SweepFigures.statistics(matrix, setup.pboSplits, setup.walkForward);
            } catch (IllegalArgumentException e) {
                throw new InvalidRunException(e.getMessage());
            }
            String label = storing ? store(store, dir, selection, sweep.instruments(), outcomes, config) : null;
            if (dir != null) {
                write(dir, selection, matrix, statistics, outcomes);
            }
            long events = outcomes.isEmpty() ? 0 : outcomes.get(0).result().events();
            return new SweepResult(base.name(), base.params(), grid.keys(), selection, sweep.instruments(), origin,
                    sweep.outcome().loadMs(), events, outcomes, matrix, statistics, sweep.plan().notices(), elapsedMs,
                    setup.threads, setup.spark, label);
        } finally {
            if (opened != null) {
                opened.close();
            }
        }
    }

    /**
     * Runs the cells as Spark tasks: the driver only plans (reading the selection's markets, not their events);
     * each executor loads its shard from the same directory or database. Fills stay on the executors, so stored
     * runs carry figures only.
     */
    private ShardedSweep.Result onSpark(MarketData data, Database opened, Database store, Selection selection,
            String origin, ReplayConfig config) {
        if (setup.kalshiFeeHistory()) {
            throw new InvalidRunException("--fees kalshi is not supported with --spark yet: run the sweep without"
                    + " --spark, or with another --fees");
        }
        if (setup.bookMode() == CandleBooks.Mode.CANDLES && data instanceof MarketData.Directory) {
            throw new InvalidRunException("--book candles reads fetched candles from PostgreSQL; not with --data");
        }
        RemoteSweep remote = ServiceLoader.load(RemoteSweep.class).findFirst().orElseThrow(() -> new InvalidRunException(
                "--spark needs the kbt-spark module on the class path: run it through the kbt launcher (which adds"
                        + " it) or spark-submit kbt-spark.jar"));
        Instruments instruments = data.instruments(selection, opened, setup.plugins());
        if (instruments.markets().isEmpty()) {
            throw new InvalidRunException("no market in " + origin + " matches " + LoadedData.describe(selection));
        }
        ShardPlan plan = ShardedSweep.plan(instruments, selection, specs, setup.sharding);
        checkDays(plan.shards().size());
        SweepJob.Source source = data instanceof MarketData.Directory(Path dir)
                ? new SweepJob.Files(dir.toAbsolutePath().toString())
                : SweepJob.Stored.of(store.url(), setup.bookMode(), setup.candleSize());
        SweepJob job = new SweepJob(source, plan.shards(), instruments.markets().stream().map(Market::ticker).toList(),
                base.name(), specs.stream().map(StrategySpec::params).toList(), config.queueModel().name(),
                config.fees().name(), config.reactPerEvent());
        SweepMatrix matrix = remote.run(setup.spark, job, setup.progress::finished).relabelled(points);
        List<List<Fill>> noFills = points.stream().map(p -> List.<Fill>of()).toList();
        return new ShardedSweep.Result(plan, instruments, new LocalSweep.Outcome(matrix, noFills, 0), List.of());
    }

    /**
     * Opens the selection, refusing one that matches no market or names a market that is not there, and notes
     * which markets have order-book data as the shards stream by, for the same warnings (or refusal) a backtest
     * gives.
     */
    private static final class CheckedOpener implements Function<Selection, DataSet> {
        private final Function<Selection, DataSet> opener;
        private final String origin;
        private LoadedData.BookPresence presence;

        CheckedOpener(Function<Selection, DataSet> opener, String origin) {
            this.opener = opener;
            this.origin = origin;
        }

        @Override
        public DataSet apply(Selection selection) {
            DataSet opened = opener.apply(selection);
            Instruments instruments = opened.instruments();
            Set<String> found = instruments.markets().stream().map(Market::ticker).collect(Collectors.toSet());
            List<String> missing = selection.tickers().stream().filter(t -> !found.contains(t)).toList();
            if (instruments.markets().isEmpty() || !missing.isEmpty()) {
                opened.close();
                throw new InvalidRunException(instruments.markets().isEmpty()
                        ? "no market in " + origin + " matches " + LoadedData.describe(selection)
                        : "no market " + String.join(", ", missing) + " in " + origin + " closing " + selection.from()
                                + " to " + selection.to());
            }
            presence = new LoadedData.BookPresence(opened.events(), instruments.markets().size());
            return new DataSet(instruments, presence, opened.warnings());
        }

        /**
         * Once every shard is read: warnings about markets without an order book.
         *
         * @throws InvalidRunException when no market, or a {@code --market} named, has order-book data
         */
        List<String> bookWarnings(Instruments instruments, Selection selection) {
            return presence.check(instruments, selection, origin);
        }
    }

    /** Refuses, before any cell runs, statistics asked for by name that the sweep's days cannot support. */
    private void checkDays(int days) {
        if (setup.pboSplits != null && days < setup.pboSplits) {
            throw new InvalidRunException("--pbo-splits " + setup.pboSplits + " needs at least " + setup.pboSplits
                    + " days (shards), the sweep has " + days + "; pass a smaller even --pbo-splits or a longer range");
        }
        if (setup.walkForward != null && days <= setup.walkForward.train()) {
            throw new InvalidRunException("--walk-forward train=" + setup.walkForward.train() + " needs more than "
                    + setup.walkForward.train() + " days (shards), the sweep has " + days);
        }
    }

    /** Stores every set as a run labelled with this sweep, in one transaction: an interrupted sweep stores none. */
    private String store(Database store, Path dir, Selection selection, Instruments instruments, List<Outcome> outcomes,
            ReplayConfig config) {
        String label = (dir != null ? dir.toAbsolutePath().getFileName().toString() : "sweep") + "-"
                + Instant.now().truncatedTo(ChronoUnit.SECONDS);
        new RunStore(store).saveAll(outcomes.stream().map(outcome -> {
            StrategySpec spec = base.with(outcome.params());
            return new RunStore.Run(new RunDescription(spec.name(), Json.object(spec.params()), selection.from(),
                    selection.to(), config.queueModel().name(), config.fees().name(), label), instruments,
                    outcome.result(), outcome.fills());
        }).toList());
        return label;
    }

    private void write(Path dir, Selection selection, SweepMatrix matrix, SweepStatistics statistics,
            List<Outcome> outcomes) {
        ReportDirectory.SWEEP.clear(dir);
        List<Path> written = SweepReport.write(dir, grid.keys(),
                outcomes.stream().map(o -> new SweepRow(o.params(), o.result())).toList(),
                Map.of("statistics", SweepFigures.json(matrix, statistics)));
        DailyCsv.write(dir.resolve("daily.csv"), grid.keys(), dailyRows(matrix));
        List<String> heatmaps = written.stream().map(p -> p.getFileName().toString())
                .filter(n -> n.startsWith("heatmap-")).toList();
        SweepHtml.write(dir, SweepFigures.page("kbt sweep · " + base.name() + " · " + selection.from() + " – "
                + selection.to(), matrix, statistics), heatmaps);
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

    /** Builds a {@link Sweep}; see {@link RunSetup} for the data, strategy and simulation choices. */
    public static final class Builder extends RunSetup<Builder> {
        private final List<String> axes = new ArrayList<>();
        private int threads = Runtime.getRuntime().availableProcessors();
        private boolean store = true;
        private Progress progress = (done, total) -> { };
        private ShardedSweep.Sharding sharding = ShardedSweep.Sharding.AUTO;
        private Integer pboSplits;
        private SweepStatistics.WalkForwardSpec walkForward;
        private String spark;

        private Builder() {}

        /** A swept key and its values. */
        public Builder grid(String key, String... values) {
            return grid(key + "=" + String.join(",", Arrays.asList(values)));
        }

        /** A swept key as {@code --grid} takes it: {@code key=v1,v2,...} or {@code key=start:end:step}. */
        public Builder grid(String axis) {
            axes.add(axis);
            return this;
        }

        /** Worker threads (default: all cores). */
        public Builder threads(int count) {
            this.threads = count;
            return this;
        }

        /** Whether sets run from PostgreSQL are stored as runs (default: yes). */
        public Builder store(boolean storeRuns) {
            this.store = storeRuns;
            return this;
        }

        /** Told after each finished cell. */
        public Builder progress(Progress listener) {
            this.progress = listener;
            return this;
        }

        /**
         * Whether to split the range into shards (default {@code AUTO}: whenever the markets and strategy allow it,
         * with a notice when they do not).
         */
        public Builder sharding(ShardedSweep.Sharding mode) {
            this.sharding = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Blocks of days for the probability of backtest overfitting (even). Unset: 16, skipped with a note when
         * the sweep has fewer days; set, too few days is refused before any cell runs.
         */
        public Builder pboSplits(int splits) {
            this.pboSplits = splits;
            return this;
        }

        /** Walk-forward: the best set by {@code select} on each {@code train}-day window, applied to the next {@code test} days. */
        public Builder walkForward(int train, int test, WalkForward.Criterion select) {
            if (train < 1 || test < 1) {
                throw new InvalidRunException("--walk-forward: train and test must be at least 1 day, were " + train
                        + " and " + test);
            }
            this.walkForward = new SweepStatistics.WalkForwardSpec(train, test, Objects.requireNonNull(select));
            return this;
        }

        /**
         * Runs the cells as Apache Spark tasks on {@code master} ({@code local[N]}, {@code spark://host:port});
         * needs the kbt-spark module on the class path and data the executors can read.
         */
        public Builder spark(String master) {
            this.spark = master;
            return this;
        }

        /**
         * @throws io.kbt.strategies.BadParameterException for an unknown strategy, key or value at any point
         * @throws InvalidRunException for a malformed grid, no data or no date
         */
        public Sweep build() {
            marketData();
            return new Sweep(this);
        }
    }
}
