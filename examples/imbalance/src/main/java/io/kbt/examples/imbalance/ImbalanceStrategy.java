package io.kbt.examples.imbalance;

import io.kbt.engine.market.Instruments;
import io.kbt.engine.market.Market;
import io.kbt.engine.strategy.BookView;
import io.kbt.engine.strategy.Quote;
import io.kbt.engine.strategy.Strategy;
import io.kbt.engine.strategy.StrategyContext;

/**
 * Order-book imbalance quoting: no model of the index at all. Fair is the micro-price of the top of the book,
 * (bid × askSize + ask × bidSize) / (bidSize + askSize) — it leans toward the side with less displayed size,
 * where the next trade is likelier to move the price. Quotes sit {@code halfSpread} ticks either side of fair,
 * shifted against the position by {@code skew} ticks per contract, never crossing the book, and only while
 * both sides show at least {@code minDepth} contracts. Quotes are withdrawn {@code stopBeforeCloseSeconds}
 * before each close, when the market gets most dangerous to hold.
 */
public final class ImbalanceStrategy implements Strategy {
    private static final long MICROS_PER_SECOND = 1_000_000;

    private final Instruments instruments;
    private final int halfSpread;
    private final double skewPerHundredth;
    private final long quoteSize;
    private final long positionLimit;
    private final long minDepth;
    private final long stopBeforeCloseMicros;

    /**
     * @param halfSpread    ticks from fair to each quote
     * @param skewTicks     ticks both quotes move down per contract held long (up per contract short)
     * @param quoteSize     hundredths of a contract per side
     * @param positionLimit hundredths of a contract, either way
     * @param minDepth      hundredths of a contract each side of the top of book must show
     */
    public ImbalanceStrategy(Instruments instruments, int halfSpread, double skewTicks, long quoteSize,
            long positionLimit, long minDepth, long stopBeforeCloseSeconds) {
        this.instruments = instruments;
        this.halfSpread = halfSpread;
        this.skewPerHundredth = skewTicks / 100;
        this.quoteSize = quoteSize;
        this.positionLimit = positionLimit;
        this.minDepth = minDepth;
        this.stopBeforeCloseMicros = stopBeforeCloseSeconds * MICROS_PER_SECOND;
    }

    @Override
    public void onBatch(StrategyContext context) {
        for (Market market : instruments.markets()) {
            int m = market.id();
            if (!context.closed(m)) {
                context.quote(m, quote(context, market));
            }
        }
    }

    @Override
    public long positionLimit() {
        return positionLimit;
    }

    private Quote quote(StrategyContext context, Market market) {
        int m = market.id();
        BookView book = context.book(m);
        int bid = book.bestYesBid();
        int ask = book.bestYesAsk();
        if (!book.live() || bid == 0 || ask == 0 || context.now() >= market.closeTime() - stopBeforeCloseMicros) {
            context.fair(m, Double.NaN);
            return Quote.NONE;
        }
        long bidSize = book.yesBidSize(bid);
        long askSize = book.yesAskSize(ask);
        if (bidSize < minDepth || askSize < minDepth) {
            context.fair(m, Double.NaN);
            return Quote.NONE;
        }
        double fair = ((double) bid * askSize + (double) ask * bidSize) / (bidSize + askSize);
        context.fair(m, fair * market.tickSize().micros() / 10_000.0);
        long position = context.position(m);
        double center = fair - skewPerHundredth * position;
        int max = book.maxTicks();
        int ourBid = Math.min((int) Math.floor(center - halfSpread), ask - 1);
        int ourAsk = Math.max((int) Math.ceil(center + halfSpread), bid + 1);
        long bidRoom = Math.max(0, positionLimit - position);
        long askRoom = Math.max(0, positionLimit + position);
        boolean quoteBid = ourBid >= 1 && ourBid < max;
        boolean quoteAsk = ourAsk >= 1 && ourAsk < max;
        return new Quote(quoteBid ? ourBid : 0, quoteBid ? Math.min(quoteSize, bidRoom) : 0,
                quoteAsk ? ourAsk : 0, quoteAsk ? Math.min(quoteSize, askRoom) : 0, true);
    }
}
