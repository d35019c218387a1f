package io.kbt.strategies;

import io.kbt.strategies.quote.QuotingParams;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** The quoting keys every fair-value strategy shares, and their binding to {@link QuotingParams}. */
final class QuotingBinding {
    private QuotingBinding() {}

    static List<Parameter> parameters() {
        Map<String, String> d = settings(QuotingParams.DEFAULTS);
        return List.of(
                new Parameter("halfSpread", ParameterKind.NON_NEGATIVE_REAL, "cents", d.get("halfSpread"),
                        "distance of bid and ask from fair (fair, half-spread and skew each rounded to whole ticks)"),
                new Parameter("skew", ParameterKind.NON_NEGATIVE_REAL, "cents per contract", d.get("skew"),
                        "both quotes move down this much per contract held long (up per contract short)"),
                new Parameter("quoteSize", ParameterKind.CONTRACTS, "contracts", d.get("quoteSize"),
                        "size of each side, cut to the room left under positionLimit"),
                new Parameter("positionLimit", ParameterKind.CONTRACTS, "contracts", d.get("positionLimit"),
                        "largest absolute position per market; the engine also caps fills at it"),
                new Parameter("crossGuard", ParameterKind.BOOLEAN, "", d.get("crossGuard"),
                        "keep the bid ≤ best ask − 1 tick and the ask ≥ best bid + 1 tick, so quotes never take"),
                new Parameter("postOnly", ParameterKind.BOOLEAN, "", d.get("postOnly"),
                        "send quotes post-only: the engine rejects a side that would take liquidity"),
                new Parameter("stopBeforeCloseSeconds", ParameterKind.SECONDS, "seconds", d.get("stopBeforeCloseSeconds"),
                        "withdraw a market's quotes this long before its close"),
                new Parameter("maxLossCents", ParameterKind.CENTS_OR_NONE, "cents", d.get("maxLossCents"),
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

    /** The typed parameters of resolved, canonical {@code settings}. */
    static QuotingParams bind(Map<String, String> settings) {
        String maxLoss = settings.get("maxLossCents");
        return new QuotingParams(
                new BigDecimal(settings.get("halfSpread")),
                new BigDecimal(settings.get("skew")),
                hundredths(settings.get("quoteSize")),
                hundredths(settings.get("positionLimit")),
                Boolean.parseBoolean(settings.get("crossGuard")),
                Boolean.parseBoolean(settings.get("postOnly")),
                Long.parseLong(settings.get("stopBeforeCloseSeconds")),
                maxLoss.equals("none") ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(maxLoss)));
    }

    private static long hundredths(String contracts) {
        return new BigDecimal(contracts).movePointRight(2).longValueExact();
    }
}
