package io.kbt.strategies;

import io.kbt.engine.market.Instruments;
import io.kbt.engine.strategy.Strategy;
import io.kbt.engine.strategy.StrategyParameter;
import io.kbt.engine.strategy.StrategyParams;
import io.kbt.engine.strategy.StrategyProvider;
import io.kbt.strategies.model.ReturnModel;
import io.kbt.strategies.quote.FairValueStrategy;
import io.kbt.strategies.quote.QuotingParams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The built-in fair-value market makers as {@link StrategyProvider}s: a return model's keys, the shared quoting
 * keys, and preset {@code seed} (the 2023 reference bot). Each strategy is a {@link FairValueStrategy}.
 */
abstract class FairValueProvider implements StrategyProvider {
    private final String name;
    private final String description;
    private final List<StrategyParameter> modelParameters;
    private final Map<String, String> seedModel;
    private final Function<StrategyParams, ReturnModel> model;

    FairValueProvider(String name, String description, List<StrategyParameter> modelParameters,
            Map<String, String> seedModel, Function<StrategyParams, ReturnModel> model) {
        this.name = name;
        this.description = description;
        this.modelParameters = List.copyOf(modelParameters);
        this.seedModel = Map.copyOf(seedModel);
        this.model = model;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    /** The model keys, then the quoting keys. */
    @Override
    public final List<StrategyParameter> parameters() {
        List<StrategyParameter> all = new ArrayList<>(modelParameters);
        all.addAll(QuotingBinding.parameters());
        return all;
    }

    /** {@code seed}: the 2023 bot's model (where it has one) and quoting. */
    @Override
    public final Map<String, Map<String, String>> presets() {
        Map<String, String> seed = new LinkedHashMap<>(seedModel);
        seed.putAll(QuotingBinding.settings(QuotingParams.SEED));
        return Map.of("seed", seed);
    }

    @Override
    public final Strategy create(StrategyParams params, Instruments instruments) {
        return new FairValueStrategy(instruments, model(params), QuotingBinding.bind(params));
    }

    /** The return model {@code params} describe. */
    final ReturnModel model(StrategyParams params) {
        return model.apply(params);
    }
}
