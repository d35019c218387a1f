package io.kbt.runner;

import io.kbt.engine.market.Instruments;
import io.kbt.engine.replay.Replay;
import io.kbt.engine.replay.ReplayConfig;
import io.kbt.engine.run.RunListener;
import io.kbt.engine.run.RunResult;
import io.kbt.strategies.StrategySpec;

/**
 * Replays loaded data through one strategy configuration; safe to call from many threads at once. Every
 * strategy is built from the markets without their recorded results and runs behind a {@link GuardedStrategy}.
 */
public final class Backtester {
    private final LoadedData data;
    private final ReplayConfig config;
    private final Instruments strategyView;

    public Backtester(LoadedData data, ReplayConfig config) {
        this.data = data;
        this.config = config;
        this.strategyView = data.instruments().withoutResults();
    }

    public LoadedData data() {
        return data;
    }

    public ReplayConfig config() {
        return config;
    }

    public RunResult run(StrategySpec spec, RunListener listener) {
        var strategy = new GuardedStrategy(spec.name(), spec.newStrategy(strategyView), strategyView);
        return Replay.run(data.instruments(), data.tape().source(), strategy, config, listener);
    }
}
