package io.kbt.strategies;

import io.kbt.engine.strategy.ParameterKind;
import io.kbt.engine.strategy.StrategyParameter;
import io.kbt.engine.strategy.StrategyParams;
import io.kbt.strategies.quote.QuotingParams;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The quoting keys every fair-value strategy shares, and their binding to {@link QuotingParams}. */
final class QuotingBinding {
    private QuotingBinding() {}

    static List<StrategyParameter> parameters() {
        Map<String, String> d = settings(QuotingParams.DEFAULTS);
        return List.of(
                StrategyParameter.of("halfSpread", ParameterKind.NON_NEGATIVE_REAL, "cents", d.get("halfSpread"),
                        "distance of bid and ask from fair (fair, half-spread and skew each rounded to whole ticks)"),
                StrategyParameter.of("skew", ParameterKind.NON_NEGATIVE_REAL, "cents per contract", d.get("skew"),
                        "both quotes move down this much per contract held long (up per contract short)"),
                StrategyParameter.of("quoteSize", ParameterKind.CONTRACTS, "contracts", d.get("quoteSize"),
                        "size of each side, cut to the room left under positionLimit"),
                StrategyParameter.of("positionLimit", ParameterKind.CONTRACTS, "contracts", d.get("positionLimit"),
                        "largest absolute position per market; the engine also caps fills at it"),
                StrategyParameter.of("crossGuard", ParameterKind.BOOLEAN, "", d.get("crossGuard"),
                        "keep the bid ≤ best ask − 1 tick and the ask ≥ best bid + 1 tick, so quotes never take"),
                StrategyParameter.of("postOnly", ParameterKind.BOOLEAN, "", d.get("postOnly"),
                        "send quotes post-only: the engine rejects a side that would take liquidity"),
                StrategyParameter.of("stopBeforeCloseSeconds", ParameterKind.SECONDS, "seconds", d.get("stopBeforeCloseSeconds"),
                        "withdraw a market's quotes this long before its close"),
                StrategyParameter.of("maxLossCents", ParameterKind.CENTS_OR_NONE, "cents", d.get("maxLossCents"),
                        "stop quoting for the rest of the run once total P&L < −maxLossCents (none: never)"));
    }

    /** {@code params} as canonical key/value settings. */
    static Map<String, String> settings(QuotingParams params) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("halfSpread", ParameterKind.format(params.halfSpreadCents()));
        settings.put("skew", ParameterKind.format(params.skewCentsPerContract()));
        settings.put("quoteSize", ParameterKind.format(BigDecimal.valueOf(params.quoteSize(), 2)));
        settings.put("positionLimit", ParameterKind.format(BigDecimal.valueOf(params.positionLimit(), 2)));
        settings.put("crossGuard", Boolean.toString(params.crossGuard()));
        settings.put("postOnly", Boolean.toString(params.postOnly()));
        settings.put("stopBeforeCloseSeconds", Long.toString(params.stopBeforeCloseSeconds()));
        settings.put("maxLossCents", params.maxLossCents().isPresent()
                ? Long.toString(params.maxLossCents().getAsLong()) : "none");
        return settings;
    }

    /** The typed quoting parameters of a resolved parameter set. */
    static QuotingParams bind(StrategyParams params) {
        return new QuotingParams(
                params.decimal("halfSpread"),
                params.decimal("skew"),
                params.hundredths("quoteSize"),
                params.hundredths("positionLimit"),
                params.bool("crossGuard"),
                params.bool("postOnly"),
                params.whole("stopBeforeCloseSeconds"),
                params.wholeOrNone("maxLossCents"));
    }
}
