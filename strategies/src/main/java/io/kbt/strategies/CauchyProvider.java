package io.kbt.strategies;

import io.kbt.engine.strategy.ParameterKind;
import io.kbt.engine.strategy.StrategyParameter;
import io.kbt.strategies.model.CauchyReturns;
import java.util.List;
import java.util.Map;

/** {@code cauchy}: quotes around P(yes) under Cauchy returns to the close; the 2023 reference bot's model. */
public final class CauchyProvider extends FairValueProvider {
    public CauchyProvider() {
        super("cauchy", "market making around P(yes) under Cauchy(x0, gamma0·τ^h) returns to the close",
                List.of(
                        StrategyParameter.of("x0", ParameterKind.REAL, "return", ParameterKind.format(CauchyReturns.SEED.x0()),
                                "location of the return to close, S_T/S − 1 (not scaled by time)"),
                        StrategyParameter.of("gamma0", ParameterKind.POSITIVE_REAL, "return per second^h",
                                ParameterKind.format(CauchyReturns.SEED.gamma0()),
                                "Cauchy scale: γ(τ) = gamma0·τ^h for τ seconds to close"),
                        StrategyParameter.of("h", ParameterKind.NON_NEGATIVE_REAL, "", ParameterKind.format(CauchyReturns.SEED.h()),
                                "time exponent of the scale")),
                Map.of("x0", ParameterKind.format(CauchyReturns.SEED.x0()),
                        "gamma0", ParameterKind.format(CauchyReturns.SEED.gamma0()),
                        "h", ParameterKind.format(CauchyReturns.SEED.h())),
                p -> new CauchyReturns(p.real("x0"), p.real("gamma0"), p.real("h")));
    }
}
