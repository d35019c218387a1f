package io.kbt.runner;

import io.kbt.db.Database;
import io.kbt.db.runs.RunDescription;
import io.kbt.db.runs.RunStore;
import io.kbt.engine.market.Selection;
import io.kbt.engine.replay.ReplayConfig;
import io.kbt.reports.SweepReport;
import io.kbt.reports.SweepRow;
import io.kbt.runner.SweepRunner.Outcome;
import io.kbt.strategies.StrategySpec;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * kbt's library API for a parameter sweep, the same code {@code kbt sweep} runs: every point of a grid over the
 * same data, loaded and decoded once and replayed on a pool of threads, each set with a fresh strategy.
 *
 * <pre>{@code
 * SweepResult r = Sweep.builder()
 *         .data(Path.of("recordings")).from(LocalDate.of(2026, 1, 5))
 *         .strategy("cauchy").set("preset", "seed")
 *         .grid("halfSpread", "1", "2", "3").grid("skew=0:0.2:0.1")
 *         .build()
 *         .report(Path.of("sweep"));
 * }</pre>
 */
public final class Sweep {
    private final Builder setup;
    private final StrategySpec base;
    private final Grid grid;
    private final List<Map<String, String>> points;
    private final ReplayConfig config;

    private Sweep(Builder setup) {
        this.setup = setup;
        this.base = setup.strategySpec();
        this.grid = Grid.parse(setup.axes);
        this.points = grid.points();
        points.forEach(base::with);
        this.config = setup.replayConfig();
        if (setup.threads < 1) {
            throw new InvalidRunException("--threads must be at least 1");
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

    /** Runs every set; from PostgreSQL stores them as runs labelled {@code sweep-<time>}. */
    public SweepResult run() {
        return execute(null);
    }

    /** Runs every set and writes sweep.csv, sweep.json and the heatmaps to {@code dir}. */
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
            LoadedData loaded = setup.load(selection, opened);
            ReplayConfig config = setup.forData(this.config, loaded, store);
            long started = System.nanoTime();
            List<Outcome> outcomes = new SweepRunner(new Backtester(loaded, config), setup.threads, storing)
                    .run(base, points, setup.progress);
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;
            String label = null;
            if (storing) {
                label = (dir != null ? dir.toAbsolutePath().getFileName().toString() : "sweep") + "-"
                        + Instant.now().truncatedTo(ChronoUnit.SECONDS);
                // One transaction: an interrupted sweep stores none of its runs.
                String sweepLabel = label;
                new RunStore(store).saveAll(outcomes.stream().map(outcome -> {
                    StrategySpec spec = base.with(outcome.params());
                    return new RunStore.Run(new RunDescription(spec.name(), Json.object(spec.params()),
                            selection.from(), selection.to(), config.queueModel().name(), config.fees().name(),
                            sweepLabel), loaded.instruments(), outcome.result(), outcome.fills());
                }).toList());
            }
            if (dir != null) {
                ReportDirectory.SWEEP.clear(dir);
                SweepReport.write(dir, grid.keys(),
                        outcomes.stream().map(o -> new SweepRow(o.params(), o.result())).toList());
            }
            return new SweepResult(base.name(), base.params(), grid.keys(), selection, loaded.instruments(),
                    loaded.origin(), loaded.loadMs(), loaded.tape().size(), outcomes, elapsedMs, setup.threads, label);
        } finally {
            if (opened != null) {
                opened.close();
            }
        }
    }

    /** Builds a {@link Sweep}; see {@link RunSetup} for the data, strategy and simulation choices. */
    public static final class Builder extends RunSetup<Builder> {
        private final List<String> axes = new ArrayList<>();
        private int threads = Runtime.getRuntime().availableProcessors();
        private boolean store = true;
        private SweepRunner.Progress progress = (done, total) -> { };

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

        /** Told after each finished set, from worker threads. */
        public Builder progress(SweepRunner.Progress listener) {
            this.progress = listener;
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
