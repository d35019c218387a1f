package io.kbt.strategies.model;

import io.kbt.engine.market.Market;
import io.kbt.engine.market.StrikeType;

/**
 * P(yes) of a Kalshi index market given the index level now and the seconds left to close, under a
 * {@link ReturnModel}. At or after the close (τ ≤ 0) the answer is the indicator of the current level against
 * the strikes, with the market's own inclusive or exclusive bounds. Every answer is in [0, 1].
 */
public final class YesProbability {
    private YesProbability() {}

    /** Whether the model can price {@code market}: a known strike type with the strikes it needs. */
    public static boolean priceable(Market market) {
        return switch (market.strikeType()) {
            case BETWEEN -> Double.isFinite(market.floorStrike()) && Double.isFinite(market.capStrike())
                    && market.floorStrike() <= market.capStrike();
            case GREATER, GREATER_OR_EQUAL -> Double.isFinite(market.floorStrike());
            case LESS, LESS_OR_EQUAL -> Double.isFinite(market.capStrike());
            case UNKNOWN -> false;
        };
    }

    /** P(yes) of {@code market} at index {@code level}, {@code tauSeconds} before its close. */
    public static double of(ReturnModel model, Market market, double level, double tauSeconds) {
        if (!priceable(market)) {
            throw new IllegalArgumentException("market " + market.ticker() + " cannot be priced: strike type "
                    + market.strikeType() + ", floor " + market.floorStrike() + ", cap " + market.capStrike());
        }
        return of(model, market.strikeType(), market.floorStrike(), market.capStrike(), level, tauSeconds);
    }

    /**
     * P(yes) for a market with {@code strikeType} and strikes {@code floor}/{@code cap} (the one a type does not
     * use is ignored) at index {@code level}, {@code tauSeconds} before close.
     */
    public static double of(ReturnModel model, StrikeType strikeType, double floor, double cap, double level,
            double tauSeconds) {
        if (!(level > 0) || !Double.isFinite(level)) {
            throw new IllegalArgumentException("index level must be positive and finite: " + level);
        }
        if (Double.isNaN(tauSeconds)) {
            throw new IllegalArgumentException("seconds to close is NaN");
        }
        if (tauSeconds <= 0) {
            return settledAt(strikeType, floor, cap, level) ? 1.0 : 0.0;
        }
        return atScale(model, strikeType, floor, cap, level, model.scale(tauSeconds));
    }

    /**
     * P(yes) as {@link #of(ReturnModel, StrikeType, double, double, double, double)} gives it for a horizon
     * τ &gt; 0 whose scale {@code model.scale(τ)} the caller already has: markets closing together share it.
     */
    public static double atScale(ReturnModel model, StrikeType strikeType, double floor, double cap, double level,
            double scale) {
        double p = switch (strikeType) {
            case GREATER, GREATER_OR_EQUAL -> model.survivalAtScale(floor / level - 1.0, scale);
            case LESS, LESS_OR_EQUAL -> model.cdfAtScale(cap / level - 1.0, scale);
            case BETWEEN -> between(model, floor / level - 1.0, cap / level - 1.0, scale);
            case UNKNOWN -> throw new IllegalArgumentException("strike type unknown: cannot price");
        };
        return Math.min(1.0, Math.max(0.0, p));
    }

    /** Whether the market would settle yes if the index stayed at {@code level}. */
    public static boolean settledAt(StrikeType strikeType, double floor, double cap, double level) {
        return switch (strikeType) {
            case BETWEEN -> floor <= level && level <= cap;
            case GREATER -> level > floor;
            case GREATER_OR_EQUAL -> level >= floor;
            case LESS -> level < cap;
            case LESS_OR_EQUAL -> level <= cap;
            case UNKNOWN -> throw new IllegalArgumentException("strike type unknown: cannot settle from the index");
        };
    }

    /** P(a ≤ r ≤ b), taking the difference on the side of the location where both terms are tail masses. */
    private static double between(ReturnModel model, double a, double b, double scale) {
        double location = model.location();
        if (a >= location) {
            return model.survivalAtScale(a, scale) - model.survivalAtScale(b, scale);
        }
        if (b <= location) {
            return model.cdfAtScale(b, scale) - model.cdfAtScale(a, scale);
        }
        return 1.0 - model.cdfAtScale(a, scale) - model.survivalAtScale(b, scale);
    }
}
