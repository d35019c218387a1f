package io.kbt.strategies;

import io.kbt.engine.market.Instruments;
import io.kbt.engine.strategy.Strategy;
import io.kbt.strategies.model.ReturnModel;
import io.kbt.strategies.quote.FairValueStrategy;
import io.kbt.strategies.quote.QuotingParams;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A strategy with every parameter resolved: what a backtest records in summary.json and a sweep varies. It is
 * immutable and makes a fresh {@link Strategy} per replay, so parallel sweep threads share nothing mutable.
 */
public final class StrategySpec {
    private final StrategyDefinition definition;
    private final Map<String, String> settings;
    private final Map<String, String> params;
    private final ReturnModel model;
    private final QuotingParams quoting;

    StrategySpec(StrategyDefinition definition, Map<String, String> settings, Map<String, String> params) {
        this.definition = definition;
        this.settings = settings;
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        this.model = definition.model().apply(params);
        this.quoting = QuotingBinding.bind(params);
    }

    /** The strategy's name, e.g. {@code cauchy}. */
    public String name() {
        return definition.name();
    }

    /** Every parameter's resolved value in canonical spelling, in a fixed order (preset, model, quoting). */
    public Map<String, String> params() {
        return params;
    }

    /** The return model the fair value comes from. */
    public ReturnModel model() {
        return model;
    }

    /** The quoting rules. */
    public QuotingParams quoting() {
        return quoting;
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
        return StrategyCatalog.spec(name(), merged);
    }

    /** A new strategy instance for one replay over {@code instruments}. */
    public Strategy newStrategy(Instruments instruments) {
        return new FairValueStrategy(instruments, model, quoting);
    }

    @Override
    public String toString() {
        return name() + params;
    }
}
