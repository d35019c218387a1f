package io.kbt.engine.market;

/**
 * A Kalshi market as the engine sees it. {@code id} is the dense index into {@link Instruments#markets()};
 * strikes are index levels ({@code NaN} when absent); times are UTC epoch microseconds
 * ({@code openTime} is {@code Long.MIN_VALUE} when unknown).
 */
public record Market(
        int id,
        String ticker,
        String eventTicker,
        String seriesTicker,
        StrikeType strikeType,
        double floorStrike,
        double capStrike,
        String underlying,
        long openTime,
        long closeTime,
        Result result,
        TickSize tickSize) {
    /** This market with its result hidden ({@link Result#UNKNOWN}): what a strategy may know before settlement. */
    public Market withoutResult() {
        return result == Result.UNKNOWN ? this : new Market(id, ticker, eventTicker, seriesTicker, strikeType,
                floorStrike, capStrike, underlying, openTime, closeTime, Result.UNKNOWN, tickSize);
    }
}
