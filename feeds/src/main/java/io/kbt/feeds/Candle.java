package io.kbt.feeds;

/**
 * One Kalshi candlestick of a market: open, high, low and close of the best yes bid, the best yes ask and the
 * traded yes price over the period ending at {@code endTs} (UTC epoch µs, inclusive end), in ticks of the
 * market's tick size; {@link #NONE} where there was no bid, no ask or no trade. Volume and open interest in
 * hundredths of a contract.
 */
public record Candle(
        long endTs, int periodMinutes,
        int yesBidOpen, int yesBidHigh, int yesBidLow, int yesBidClose,
        int yesAskOpen, int yesAskHigh, int yesAskLow, int yesAskClose,
        int priceOpen, int priceHigh, int priceLow, int priceClose,
        long volume, long openInterest) {
    /** No price: no bid, no ask, or no trade in the period. */
    public static final int NONE = -1;
}
