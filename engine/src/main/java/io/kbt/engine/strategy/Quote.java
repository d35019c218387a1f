package io.kbt.engine.strategy;

/**
 * Target quotes for one market: a yes bid and a yes ask (prices in ticks, sizes in hundredths of a contract).
 * A side with size 0 is not quoted. {@code postOnly} rejects a side that would take liquidity instead of
 * letting it cross.
 */
public record Quote(int bidPrice, long bidSize, int askPrice, long askSize, boolean postOnly) {
    /** Quote nothing: cancel both sides. */
    public static final Quote NONE = new Quote(0, 0, 0, 0, false);

    public Quote {
        if (bidSize < 0 || askSize < 0) {
            throw new IllegalArgumentException("negative quote size");
        }
    }

    public boolean quotesBid() {
        return bidSize > 0;
    }

    public boolean quotesAsk() {
        return askSize > 0;
    }
}
