package io.kbt.strategies;

import io.kbt.engine.market.Instruments;
import io.kbt.engine.strategy.Strategy;
import io.kbt.engine.strategy.StrategyParams;
import io.kbt.engine.strategy.StrategyProvider;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A strategy with every parameter resolved: what a backtest records in summary.json and a sweep varies. It is
 * immutable and makes a fresh {@link Strategy} per replay, so parallel sweep threads share nothing mutable.
 */
public final class StrategySpec {
    private final StrategyCatalog catalog;
    private final StrategyProvider provider;
    private final Map<String, String> settings;
    private final StrategyParams params;

    StrategySpec(StrategyCatalog catalog, StrategyProvider provider, Map<String, String> settings,
            StrategyParams params) {
        this.catalog = catalog;
        this.provider = provider;
        this.settings = settings;
        this.params = params;
    }

    /** The strategy's name, e.g. {@code cauchy}. */
    public String name() {
        return provider.name();
    }

    /** The provider that builds the strategy. */
    public StrategyProvider provider() {
        return provider;
    }

    /** Every parameter's resolved value in canonical spelling, in a fixed order (preset, then the provider's). */
    public Map<String, String> params() {
        return params.asMap();
    }

    /** The resolved parameters with typed getters. */
    public StrategyParams typedParams() {
        return params;
    }

    /**
     * This spec with {@code overrides} laid over the settings it was made from (a sweep's grid point); an
     * overridden {@code preset} changes the base the other settings apply to.
     *
     * @throws BadParameterException as {@link StrategyCatalog#spec} does
     */
    public StrategySpec with(Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>(settings);
        merged.putAll(overrides);
        return catalog.spec(name(), merged);
    }

    /**
     * A new strategy instance for one replay over {@code instruments}.
     *
     * @throws BadParameterException when the provider rejects this parameter set
     */
    public Strategy newStrategy(Instruments instruments) {
        try {
            return provider.create(params, instruments);
        } catch (IllegalArgumentException e) {
            if (e instanceof BadParameterException bad) {
                throw bad;
            }
            throw new BadParameterException("strategy", "strategy " + name() + " rejects " + params + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return name() + params;
    }
}
