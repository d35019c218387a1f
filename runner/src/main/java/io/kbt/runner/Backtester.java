package io.kbt.runner;

import io.kbt.engine.market.Instruments;
import io.kbt.engine.market.Market;
import io.kbt.engine.market.Result;
import io.kbt.engine.replay.Replay;
import io.kbt.engine.replay.ReplayConfig;
import io.kbt.engine.run.RunListener;
import io.kbt.engine.run.RunResult;
import io.kbt.strategies.StrategySpec;

/**
 * Replays loaded data through one strategy configuration; safe to call from many threads at once. Every
 * strategy runs behind a {@link GuardedStrategy}: it sees the markets without their recorded results.
 */
public final class Backtester {
    private final LoadedData data;
    private final ReplayConfig config;
    private final Instruments strategyView;

    public Backtester(LoadedData data, ReplayConfig config) {
        this.data = data;
        this.config = config;
        this.strategyView = withoutResults(data.instruments());
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

    /** The markets as a strategy may see them: a result is known only at settlement. */
    static Instruments withoutResults(Instruments instruments) {
        return new Instruments(instruments.markets().stream()
                .map(m -> new Market(m.id(), m.ticker(), m.eventTicker(), m.seriesTicker(), m.strikeType(),
                        m.floorStrike(), m.capStrike(), m.underlying(), m.openTime(), m.closeTime(), Result.UNKNOWN,
                        m.tickSize()))
                .toList(), instruments.symbols());
    }
}
