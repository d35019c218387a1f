package io.kbt.examples.imbalance;

import io.kbt.engine.market.Instruments;
import io.kbt.engine.strategy.ParameterKind;
import io.kbt.engine.strategy.Strategy;
import io.kbt.engine.strategy.StrategyParameter;
import io.kbt.engine.strategy.StrategyParams;
import io.kbt.engine.strategy.StrategyProvider;
import java.util.List;
import java.util.Map;

/** Registers {@code imbalance} with kbt (see META-INF/services): its parameters, a preset, and how to build it. */
public final class ImbalanceProvider implements StrategyProvider {
    @Override
    public String name() {
        return "imbalance";
    }

    @Override
    public String description() {
        return "quotes around the top-of-book micro-price, skewed against the position (example plugin)";
    }

    @Override
    public List<StrategyParameter> parameters() {
        return List.of(
                StrategyParameter.of("halfSpread", ParameterKind.WHOLE, "ticks", "2", "distance of each quote from fair")
                        .range("0", "20"),
                StrategyParameter.of("skew", ParameterKind.NON_NEGATIVE_REAL, "ticks per contract", "0.1",
                        "both quotes move down this much per contract held long (up when short)"),
                StrategyParameter.of("quoteSize", ParameterKind.CONTRACTS, "contracts", "5", "size of each side"),
                StrategyParameter.of("positionLimit", ParameterKind.CONTRACTS, "contracts", "25",
                        "largest absolute position per market"),
                StrategyParameter.of("minDepth", ParameterKind.CONTRACTS, "contracts", "1",
                        "quote only while both best levels show at least this much"),
                StrategyParameter.of("stopBeforeCloseSeconds", ParameterKind.SECONDS, "seconds", "300",
                        "withdraw quotes this long before each close"));
    }

    @Override
    public Map<String, Map<String, String>> presets() {
        return Map.of("tight", Map.of("halfSpread", "1", "skew", "0.2", "quoteSize", "2"));
    }

    @Override
    public Strategy create(StrategyParams params, Instruments instruments) {
        return new ImbalanceStrategy(instruments, (int) params.whole("halfSpread"), params.real("skew"),
                params.hundredths("quoteSize"), params.hundredths("positionLimit"), params.hundredths("minDepth"),
                params.whole("stopBeforeCloseSeconds"));
    }
}
