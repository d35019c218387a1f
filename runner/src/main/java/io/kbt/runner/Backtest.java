package io.kbt.runner;

import io.kbt.db.Database;
import io.kbt.db.runs.RunDescription;
import io.kbt.db.runs.RunStore;
import io.kbt.engine.market.Selection;
import io.kbt.engine.replay.ReplayConfig;
import io.kbt.engine.run.RunListener;
import io.kbt.engine.run.RunResult;
import io.kbt.engine.strategy.Strategy;
import io.kbt.reports.BacktestReport;
import io.kbt.reports.RunInfo;
import io.kbt.strategies.StrategySpec;
import java.nio.file.Path;
import java.util.Objects;

/**
 * kbt's library API for one backtest, the same code {@code kbt backtest} runs:
 *
 * <pre>{@code
 * BacktestResult r = Backtest.builder()
 *         .data(Path.of("recordings")).from(LocalDate.of(2026, 1, 5))
 *         .strategy("cauchy").set("preset", "seed")
 *         .build()
 *         .report(Path.of("out"));
 * }</pre>
 *
 * Parameters are validated when the backtest is built ({@link io.kbt.strategies.BadParameterException}); data is
 * read when it runs. From PostgreSQL the run is stored in {@code backtest_run} unless {@link Builder#store}
 * says otherwise.
 */
public final class Backtest {
    private final Builder setup;
    private final StrategySpec strategy;
    private final ReplayConfig config;

    private Backtest(Builder setup) {
        this.setup = setup;
        this.strategy = setup.strategySpec();
        this.config = setup.replayConfig();
        if (setup.sampleSeconds < 0) {
            throw new InvalidRunException("--sample must be 0 or more seconds");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The resolved strategy this backtest runs. */
    public StrategySpec strategy() {
        return strategy;
    }

    /** Replays and returns the figures; writes nothing but the stored run. */
    public BacktestResult run() {
        return execute(null);
    }

    /** Replays and writes the report (summary.json, CSVs, PNGs, index.html) to {@code dir}. */
    public BacktestResult report(Path dir) {
        return execute(Objects.requireNonNull(dir, "dir"));
    }

    private BacktestResult execute(Path dir) {
        MarketData data = setup.marketData();
        Selection selection = setup.selection();
        if (dir != null) {
            ReportDirectory.BACKTEST.check(dir);
        }
        Database opened = data.open();
        try {
            Database store = opened != null ? opened : data instanceof MarketData.Store(Database db) ? db : null;
            LoadedData loaded = setup.load(selection, opened);
            FillCollector fills = new FillCollector();
            boolean storing = store != null && setup.store;
            RunListener listener = RunListener.all(setup.listener, storing ? fills : RunListener.NONE);
            Backtester backtester = new Backtester(loaded, config);
            RunResult result;
            Path index = null;
            if (dir == null) {
                result = backtester.run(strategy, listener);
            } else {
                ReportDirectory.BACKTEST.clear(dir);
                try (BacktestReport report = new BacktestReport(dir, loaded.instruments(), setup.sampleSeconds * 1_000_000)) {
                    result = backtester.run(strategy, RunListener.all(report, listener));
                    index = report.finish(result, new RunInfo(strategy.name(), strategy.params(), selection.from(),
                            selection.to(), config.queueModel().name(), config.fees().name(), loaded.loadMs()));
                }
            }
            Long runId = storing ? new RunStore(store).save(new RunDescription(strategy.name(),
                    Json.object(strategy.params()), selection.from(), selection.to(), config.queueModel().name(),
                    config.fees().name(), null), loaded.instruments(), result, fills.fills()) : null;
            return new BacktestResult(strategy.name(), strategy.params(), selection, config.queueModel().name(),
                    config.fees().name(), loaded.instruments(), loaded.origin(), loaded.loadMs(), loaded.warnings(),
                    result, index, runId);
        } finally {
            if (opened != null) {
                opened.close();
            }
        }
    }

    /** Builds a {@link Backtest}; see {@link RunSetup} for the data, strategy and simulation choices. */
    public static final class Builder extends RunSetup<Builder> {
        private long sampleSeconds;
        private boolean store = true;
        private RunListener listener = RunListener.NONE;

        private Builder() {}

        /** One strategy instance for this one replay (a sweep needs a factory instead). */
        public Builder strategy(Strategy instance) {
            return strategy(instance.getClass().getSimpleName(), instruments -> instance);
        }

        /** Thin timeseries.csv to at most one row per market per {@code seconds} (fills always kept). */
        public Builder sampleSeconds(long seconds) {
            this.sampleSeconds = seconds;
            return this;
        }

        /** Whether a run from PostgreSQL is stored in {@code backtest_run} (default: yes). */
        public Builder store(boolean storeRun) {
            this.store = storeRun;
            return this;
        }

        /** Also told every fill, sample and settlement as the replay runs. */
        public Builder listener(RunListener extra) {
            this.listener = extra;
            return this;
        }

        /**
         * @throws io.kbt.strategies.BadParameterException for an unknown strategy, key or value
         * @throws InvalidRunException when no data or no date is given
         */
        public Backtest build() {
            marketData();
            return new Backtest(this);
        }
    }
}
