package io.kbt.feeds;

import io.kbt.engine.market.Market;
import io.kbt.engine.market.Result;
import io.kbt.engine.market.StrikeType;
import io.kbt.engine.market.TickSize;

/**
 * What kbt knows about one Kalshi market from a markets file (or only from its ticker): the fields of Kalshi's
 * REST market object plus the series and underlying, which Kalshi does not send and kbt derives. Strikes are
 * {@code NaN} when absent; times are UTC epoch microseconds, {@code openTime} {@code Long.MIN_VALUE} and
 * {@code closeTime} {@code Long.MAX_VALUE} when unknown; {@code underlying} is {@code null} when unknown.
 */
public record MarketInfo(
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

    /** {@code openTime} when the open time is not known. */
    public static final long UNKNOWN_OPEN = Long.MIN_VALUE;

    /** {@code closeTime} when the close time is not known (e.g. a market first seen in a recording). */
    public static final long UNKNOWN_CLOSE = Long.MAX_VALUE;

    /**
     * A market first seen in a recording: event = the ticker without its last {@code -} part, series = the
     * event's prefix before the first {@code -}; strikes, times and result unknown, 1¢ ticks.
     */
    public static MarketInfo fromTicker(String ticker) {
        int lastDash = ticker.lastIndexOf('-');
        String event = lastDash > 0 ? ticker.substring(0, lastDash) : ticker;
        String series = seriesOf(event);
        return new MarketInfo(ticker, event, series, StrikeType.UNKNOWN, Double.NaN, Double.NaN,
                underlyingOf(series), UNKNOWN_OPEN, UNKNOWN_CLOSE, Result.UNKNOWN, TickSize.CENT);
    }

    /** The series of an event ticker: its prefix before the first {@code -}. */
    public static String seriesOf(String eventTicker) {
        int dash = eventTicker.indexOf('-');
        return dash > 0 ? eventTicker.substring(0, dash) : eventTicker;
    }

    /** The underlying kbt knows for a series: SPX for the S&P 500 series (INX*), else {@code null}. */
    public static String underlyingOf(String seriesTicker) {
        return seriesTicker != null && seriesTicker.startsWith("INX") ? "SPX" : null;
    }

    /** The engine's view of this market under the replay's dense id. */
    public Market toMarket(int id) {
        return new Market(id, ticker, eventTicker, seriesTicker, strikeType, floorStrike, capStrike, underlying,
                openTime, closeTime, result, tickSize);
    }
}
