package io.kbt.strategies;

import io.kbt.strategies.model.CauchyReturns;
import io.kbt.strategies.model.NormalReturns;
import io.kbt.strategies.model.ReturnModel;
import io.kbt.strategies.quote.QuotingParams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One named strategy: its model keys (with defaults), how resolved settings build its {@link ReturnModel},
 * and what preset {@code seed} sets. Every strategy also takes {@code preset} and the quoting keys.
 */
record StrategyDefinition(
        String name, List<Parameter> modelParameters, Map<String, String> seedModel,
        Function<Map<String, String>, ReturnModel> model) {

    static final StrategyDefinition CAUCHY = new StrategyDefinition(
            "cauchy",
            List.of(
                    new Parameter("x0", ParameterKind.REAL, "return", format(CauchyReturns.SEED.x0()),
                            "location of the return to close, S_T/S − 1 (not scaled by time)"),
                    new Parameter("gamma0", ParameterKind.POSITIVE_REAL, "return per second^h", format(CauchyReturns.SEED.gamma0()),
                            "Cauchy scale: γ(τ) = gamma0·τ^h for τ seconds to close"),
                    new Parameter("h", ParameterKind.NON_NEGATIVE_REAL, "", format(CauchyReturns.SEED.h()),
                            "time exponent of the scale")),
            Map.of("x0", format(CauchyReturns.SEED.x0()), "gamma0", format(CauchyReturns.SEED.gamma0()),
                    "h", format(CauchyReturns.SEED.h())),
            s -> new CauchyReturns(Double.parseDouble(s.get("x0")), Double.parseDouble(s.get("gamma0")),
                    Double.parseDouble(s.get("h"))));

    static final StrategyDefinition NORMAL = new StrategyDefinition(
            "normal",
            List.of(
                    new Parameter("mu", ParameterKind.REAL, "return", format(NormalReturns.DEFAULTS.mu()),
                            "mean of the return to close, S_T/S − 1 (not scaled by time)"),
                    new Parameter("sigma0", ParameterKind.POSITIVE_REAL, "return per second^h", format(NormalReturns.DEFAULTS.sigma0()),
                            "standard deviation: σ(τ) = sigma0·τ^h for τ seconds to close"),
                    new Parameter("h", ParameterKind.NON_NEGATIVE_REAL, "", format(NormalReturns.DEFAULTS.h()),
                            "time exponent of the standard deviation (0.5: Brownian)")),
            Map.of(),
            s -> new NormalReturns(Double.parseDouble(s.get("mu")), Double.parseDouble(s.get("sigma0")),
                    Double.parseDouble(s.get("h"))));

    static final List<StrategyDefinition> ALL = List.of(CAUCHY, NORMAL);

    private static final Parameter PRESET = new Parameter(StrategyCatalog.PRESET, ParameterKind.PRESET, "", "none",
            "seed: the 2023 reference bot (cauchy: its model and quoting; normal: its quoting); keys given override it");

    StrategyDefinition {
        modelParameters = List.copyOf(modelParameters);
        seedModel = Map.copyOf(seedModel);
    }

    /** Every key, in the order {@code params()} lists them: preset, model, quoting. */
    List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>();
        all.add(PRESET);
        all.addAll(modelParameters);
        all.addAll(QuotingBinding.parameters());
        return all;
    }

    Optional<Parameter> parameter(String key) {
        return parameters().stream().filter(p -> p.key().equals(key)).findFirst();
    }

    /** The settings preset {@code name} ({@code none} or {@code seed}, already validated) puts over the defaults. */
    Map<String, String> preset(String name) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (name.equals("seed")) {
            settings.putAll(seedModel);
            settings.putAll(QuotingBinding.settings(QuotingParams.SEED));
        }
        return settings;
    }

    private static String format(double value) {
        return ParameterKind.REAL.canonical(Double.toString(value));
    }
}
