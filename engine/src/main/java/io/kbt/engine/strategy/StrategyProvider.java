package io.kbt.engine.strategy;

import io.kbt.engine.market.Instruments;
import java.util.List;
import java.util.Map;

/**
 * The strategy plugin SPI: a named strategy, its typed parameters and presets, and how a parameter set builds
 * it. kbt finds providers with {@link java.util.ServiceLoader} (a jar lists its classes in
 * {@code META-INF/services/io.kbt.engine.strategy.StrategyProvider}); the built-in {@code cauchy} and
 * {@code normal} strategies are providers too. An implementation needs a public no-argument constructor and
 * must be stateless: one instance builds the strategies of every replay, from many threads.
 */
public interface StrategyProvider {
    /** The name users select with {@code --strategy}, e.g. {@code imbalance}: lower case, no spaces. */
    String name();

    /** One line saying what the strategy does, for {@code kbt strategies}. */
    String description();

    /** Every parameter the strategy takes, in the order reports list them. */
    List<StrategyParameter> parameters();

    /**
     * Named parameter sets a user selects with {@code --set preset=NAME} (keys given beside it override it):
     * preset name → key → value. None by default.
     */
    default Map<String, Map<String, String>> presets() {
        return Map.of();
    }

    /**
     * A fresh strategy for one replay over {@code instruments}, from a parameter set holding every key of
     * {@link #parameters()} with a validated value. Throw {@link IllegalArgumentException} for a combination of
     * values the strategy cannot run with; kbt reports it as a usage error.
     */
    Strategy create(StrategyParams params, Instruments instruments);
}
