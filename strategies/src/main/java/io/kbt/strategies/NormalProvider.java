package io.kbt.strategies;

import io.kbt.engine.strategy.ParameterKind;
import io.kbt.engine.strategy.StrategyParameter;
import io.kbt.strategies.model.NormalReturns;
import java.util.List;
import java.util.Map;

/** {@code normal}: quotes around P(yes) under normal returns to the close (preset {@code seed}: its quoting only). */
public final class NormalProvider extends FairValueProvider {
    public NormalProvider() {
        super("normal", "market making around P(yes) under Normal(mu, sigma0·τ^h) returns to the close",
                List.of(
                        StrategyParameter.of("mu", ParameterKind.REAL, "return", ParameterKind.format(NormalReturns.DEFAULTS.mu()),
                                "mean of the return to close, S_T/S − 1 (not scaled by time)"),
                        StrategyParameter.of("sigma0", ParameterKind.POSITIVE_REAL, "return per second^h",
                                ParameterKind.format(NormalReturns.DEFAULTS.sigma0()),
                                "standard deviation: σ(τ) = sigma0·τ^h for τ seconds to close"),
                        StrategyParameter.of("h", ParameterKind.NON_NEGATIVE_REAL, "", ParameterKind.format(NormalReturns.DEFAULTS.h()),
                                "time exponent of the standard deviation (0.5: Brownian)")),
                Map.of(),
                p -> new NormalReturns(p.real("mu"), p.real("sigma0"), p.real("h")));
    }
}
