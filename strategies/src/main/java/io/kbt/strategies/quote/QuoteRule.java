package io.kbt.strategies.quote;

import io.kbt.engine.market.TickSize;
import io.kbt.engine.strategy.Quote;

/**
 * Turns a fair price and a position into target quotes. Fair, half-spread and skew are each rounded to whole
 * ticks (half to even, like the reference bot's Python {@code round}), so the quotes sit symmetrically
 * 2·halfSpread apart around the rounded fair, both moved down by the skew:
 * bid = fair − halfSpread − skew·position, ask = fair + halfSpread − skew·position. Then both are clamped to
 * 1..maxTicks−1 and kept one tick apart, sized to the room left under the position limit, and — with
 * {@code crossGuard} — pulled back inside the displayed book (a side that cannot be is not quoted).
 */
public final class QuoteRule {
    private static final int MADE = 1 << 10;

    private final QuotingParams params;
    private final CentsToTicks halfSpread;
    private final CentsToTicks skew;
    /** The half-spread in ticks on the 1¢ and 0.1¢ grids, made once: it is the same for every quote of a grid. */
    private final long halfOnCents;
    private final long halfOnTenths;
    /**
     * Quotes made before, by a hash of their fields, handed out again instead of allocating: a market's quote
     * moves back and forth between a few values, and allocating one per change took a tenth of a sweep set's
     * time. Entries are immutable records, so threads sharing a rule at worst miss or overwrite an entry.
     */
    private final Quote[] made = new Quote[MADE];

    public QuoteRule(QuotingParams params) {
        this.params = params;
        this.halfSpread = new CentsToTicks(params.halfSpreadCents());
        this.skew = new CentsToTicks(params.skewCentsPerContract());
        this.halfOnCents = halfTicks(TickSize.CENT.maxTicks());
        this.halfOnTenths = halfTicks(TickSize.TENTH_CENT.maxTicks());
    }

    /**
     * The quote for a market with {@code maxTicks} ticks per dollar whose fair yes price is {@code fairCents},
     * holding {@code position} hundredths, with best yes bid and ask {@code bestBid}/{@code bestAsk} in ticks
     * (0 when that side of the book is empty).
     */
    public Quote quote(double fairCents, long position, int bestBid, int bestAsk, int maxTicks) {
        return quote(fairCents, position, bestBid, bestAsk, maxTicks, Quote.NONE);
    }

    /**
     * The same, returning {@code previous} itself when the quote has not changed: the strategy re-prices every
     * market on every batch and almost every quote repeats, so this saves an object per market and batch.
     */
    public Quote quote(double fairCents, long position, int bestBid, int bestAsk, int maxTicks, Quote previous) {
        if (!Double.isFinite(fairCents)) {
            return Quote.NONE;
        }
        return quoteAtTicks(fairTicks(fairCents, maxTicks), position, bestBid, bestAsk, maxTicks, previous);
    }

    /** A finite fair price in cents rounded to whole ticks (half to even), as the quotes use it. */
    public static long fairTicks(double fairCents, int maxTicks) {
        return (long) Math.rint(unroundedTicks(fairCents, maxTicks));
    }

    /** The fair price in ticks before rounding: {@link #fairTicks} rounds exactly this value. */
    public static double unroundedTicks(double fairCents, int maxTicks) {
        return Math.min(Math.max(fairCents, 0), 100) * maxTicks / 100.0;
    }

    /** The quote for a fair price already rounded to {@code fair} ticks; otherwise as {@link #quote}. */
    public Quote quoteAtTicks(long fair, long position, int bestBid, int bestAsk, int maxTicks, Quote previous) {
        long half = maxTicks == TickSize.CENT.maxTicks() ? halfOnCents
                : maxTicks == TickSize.TENTH_CENT.maxTicks() ? halfOnTenths : halfTicks(maxTicks);
        long shift = clamp(skew.ticks(position, maxTicks), -2L * maxTicks, 2L * maxTicks);
        int top = maxTicks - 1;
        long bid = clamp(fair - half - shift, 1, top);
        long ask = clamp(fair + half - shift, 1, top);
        if (bid >= ask) {
            // clamped against an edge (or zero spread): keep one tick between them on the inside
            if (ask == top) {
                bid = ask - 1;
            } else {
                ask = bid + 1;
            }
        }
        long bidSize = clamp(Math.min(params.quoteSize(), params.positionLimit() - position), 0, Long.MAX_VALUE);
        long askSize = clamp(Math.min(params.quoteSize(), params.positionLimit() + position), 0, Long.MAX_VALUE);
        if (params.crossGuard()) {
            if (bestAsk > 0) {
                bid = Math.min(bid, bestAsk - 1);
            }
            if (bestBid > 0) {
                ask = Math.max(ask, bestBid + 1);
            }
        }
        if (bid < 1) {
            bidSize = 0;
        }
        if (ask > top) {
            askSize = 0;
        }
        int bidPrice = bidSize > 0 ? (int) bid : 0;
        int askPrice = askSize > 0 ? (int) ask : 0;
        if (previous.bidPrice() == bidPrice && previous.bidSize() == bidSize && previous.askPrice() == askPrice
                && previous.askSize() == askSize && previous.postOnly() == params.postOnly()) {
            return previous;
        }
        int slot = (int) ((bidPrice * 0x9E3779B9L + askPrice) * 0x85EBCA6BL + bidSize * 31 + askSize) & (MADE - 1);
        Quote cached = made[slot];
        if (cached != null && cached.bidPrice() == bidPrice && cached.bidSize() == bidSize
                && cached.askPrice() == askPrice && cached.askSize() == askSize
                && cached.postOnly() == params.postOnly()) {
            return cached;
        }
        Quote quote = new Quote(bidPrice, bidSize, askPrice, askSize, params.postOnly());
        made[slot] = quote;
        return quote;
    }

    private long halfTicks(int maxTicks) {
        return clamp(halfSpread.ticks(maxTicks), 0, 2L * maxTicks);
    }

    private static long clamp(long value, long min, long max) {
        return Math.max(min, Math.min(max, value));
    }
}
