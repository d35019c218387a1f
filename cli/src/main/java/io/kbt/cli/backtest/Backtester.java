package io.kbt.cli.backtest;

import io.kbt.engine.replay.Replay;
import io.kbt.engine.replay.ReplayConfig;
import io.kbt.engine.run.RunListener;
import io.kbt.engine.run.RunResult;
import io.kbt.strategies.StrategySpec;

/** Replays loaded data through one strategy configuration; safe to call from many threads at once. */
public final class Backtester {
    private final LoadedData data;
    private final ReplayConfig config;

    public Backtester(LoadedData data, ReplayConfig config) {
        this.data = data;
        this.config = config;
    }

    public LoadedData data() {
        return data;
    }

    public RunResult run(StrategySpec spec, RunListener listener) {
        return Replay.run(data.instruments(), data.tape().source(), spec.newStrategy(data.instruments()), config, listener);
    }
}
