package io.kbt.strategies.quote;

import io.kbt.engine.market.Instruments;
import io.kbt.engine.market.Market;
import io.kbt.engine.strategy.BookView;
import io.kbt.engine.strategy.Quote;
import io.kbt.engine.strategy.Strategy;
import io.kbt.engine.strategy.StrategyContext;
import io.kbt.strategies.model.ReturnModel;
import io.kbt.strategies.model.YesProbability;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Market making around a model fair value: after each batch, every open market of the replay is priced at
 * 100·P(yes) from its underlying's last index level and the seconds left to its close, and quoted by a
 * {@link QuoteRule}. A market whose book is not live (no snapshot yet) is neither priced nor quoted. It withdraws
 * a market's quotes {@code stopBeforeCloseSeconds} before its close or while its index has not ticked, and
 * withdraws everything for the rest of the run once the loss exceeds {@code maxLossCents}. Markets it cannot
 * price (unknown strikes or underlying) are never quoted. One instance serves one replay.
 *
 * <p>When the run records fair values, every market is priced exactly on every batch. When it does not (a sweep),
 * the quotes depend on the fair only through its whole ticks ({@link FairTicks}), so a batch that reached no
 * market's next time limit (its open, its stop, the end of its fair's validity) looks only at the markets it
 * changed, plus, when an index moved, those whose fair may have left its range; and a market whose quote is
 * the one already resting, and which nothing changed, is not re-sent, since the order manager would keep it. The result is the same either way
 * ({@code StrategyPathsTest}).
 */
public final class FairValueStrategy implements Strategy {
    private static final long MICROS_PER_SECOND = 1_000_000;
    private static final long MICROS_PER_CENT = 10_000;

    private final QuotingParams params;
    /** Whether a total loss stops the quoting ({@code maxLossCents}), and below which P&amp;L it does. */
    private final boolean lossLimited;
    private final long lossFloorMicros;
    private final QuoteRule rule;
    private final FairTicks fair;
    private final Market[] byClose;
    /** Each market's place in {@link #byClose}; −1: never quoted. */
    private final int[] rank;
    private final int[] symbolOf;
    /** When each market's quotes are withdrawn ({@code stopBeforeCloseSeconds} before its close), by id. */
    private final long[] stopTime;
    private final int[] symbols;
    private final double[] lastLevels;
    private final boolean[] quoting;
    /** The last quote sent per market, handed back to the rule so that an unchanged quote is not rebuilt. */
    private final Quote[] lastQuote;
    /**
     * Markets to send their quote again next batch even if nothing changed: a changed quote (a decrease can leave
     * nothing resting) or a post-only quote crossing the book (the engine may have refused it), as the reference
     * path would re-send it.
     */
    private final boolean[] recheck;
    private int[] rechecks = new int[16];
    private int recheckCount;
    private int[] pending = new int[16];
    private final long[] changedInBatch;
    private final long[] listedInBatch;
    /** What the rule last made {@link #lastQuote} from, per market: the same inputs give the same quote. */
    private final long[] lastTicks;
    private final long[] lastPosition;
    private final int[] lastBid;
    private final int[] lastAsk;
    private long batch;
    private long nextCheck = Long.MIN_VALUE;
    /** The markets open at the last listing, as ranks in close order: the ones a full pass looks at. */
    private final int[] open;
    /** The market id of each entry of {@link #open}. */
    private final int[] openIds;
    private int openCount;
    private long nextOpen = Long.MIN_VALUE;
    private int[] order = new int[16];
    private int firstOpen;
    private boolean lossStopped;

    public FairValueStrategy(Instruments instruments, ReturnModel model, QuotingParams params) {
        this.params = params;
        this.lossLimited = params.maxLossCents().isPresent();
        this.lossFloorMicros = lossLimited ? -params.maxLossCents().getAsLong() * MICROS_PER_CENT : 0;
        this.rule = new QuoteRule(params);
        int n = instruments.markets().size();
        this.fair = new FairTicks(model, n);
        this.byClose = instruments.markets().stream()
                .filter(YesProbability::priceable)
                .filter(m -> m.underlying() != null && instruments.symbolId(m.underlying()) >= 0)
                .sorted(Comparator.comparingLong(Market::closeTime))
                .toArray(Market[]::new);
        this.rank = new int[n];
        Arrays.fill(rank, -1);
        this.symbolOf = new int[n];
        Arrays.fill(symbolOf, -1);
        this.stopTime = new long[n];
        for (int i = 0; i < byClose.length; i++) {
            Market market = byClose[i];
            rank[market.id()] = i;
            symbolOf[market.id()] = instruments.symbolId(market.underlying());
            stopTime[market.id()] = market.closeTime() - params.stopBeforeCloseSeconds() * MICROS_PER_SECOND;
        }
        this.symbols = Arrays.stream(symbolOf).filter(s -> s >= 0).distinct().toArray();
        this.lastLevels = new double[instruments.symbols().size()];
        Arrays.fill(lastLevels, Double.NaN);
        this.quoting = new boolean[n];
        this.lastQuote = new Quote[n];
        Arrays.fill(lastQuote, Quote.NONE);
        this.open = new int[byClose.length];
        this.openIds = new int[byClose.length];
        this.recheck = new boolean[n];
        this.changedInBatch = new long[n];
        this.listedInBatch = new long[n];
        this.lastTicks = new long[n];
        Arrays.fill(lastTicks, Long.MIN_VALUE);
        this.lastPosition = new long[n];
        this.lastBid = new int[n];
        this.lastAsk = new int[n];
    }

    @Override
    public void onBatch(StrategyContext context) {
        long now = context.now();
        boolean stoppedBefore = lossStopped;
        int firstOpenBefore = firstOpen;
        if (!lossStopped && lossLimited && context.pnlMicros() < lossFloorMicros) {
            lossStopped = true;
        }
        while (firstOpen < byClose.length && context.closed(byClose[firstOpen].id())) {
            firstOpen++;
        }
        if (context.fairRecorded()) {
            for (int i = firstOpen; i < byClose.length; i++) {
                priceExactly(context, byClose[i], now);
            }
            return;
        }
        batch++;
        int changed = context.updatedCount();
        for (int i = 0; i < changed; i++) {
            changedInBatch[context.updated(i)] = batch;
        }
        int[] due = rechecks;
        int dueCount = recheckCount;
        rechecks = pending;
        pending = due;
        recheckCount = 0;
        boolean indexMoved = indexMoved(context);
        boolean opened = firstOpen != firstOpenBefore || now >= nextOpen;
        if (opened) {
            listOpen(context, now);
        }
        if (opened || lossStopped != stoppedBefore) {
            nextCheck = Long.MAX_VALUE;
            for (int i = 0; i < openCount; i++) {
                Market market = byClose[open[i]];
                priceByTicks(context, market, now);
                nextCheck = Math.min(nextCheck, deadline(market.id()));
            }
        } else if (indexMoved || now >= nextCheck) {
            // every open market on every index tick: ids and levels from flat arrays, each deadline read once
            long next = Long.MAX_VALUE;
            for (int i = 0; i < openCount; i++) {
                int id = openIds[i];
                long until = deadline(id);
                if (changedInBatch[id] == batch || recheck[id] || (quoting[id]
                        ? now >= until || !fair.holds(id, lastLevels[symbolOf[id]], now)
                        : indexMoved)) {
                    priceByTicks(context, byClose[open[i]], now);
                    until = deadline(id);
                }
                next = Math.min(next, until);
            }
            nextCheck = next;
        } else {
            int count = 0;
            for (int i = 0; i < changed; i++) {
                count = list(context.updated(i), count);
            }
            for (int i = 0; i < dueCount; i++) {
                count = list(due[i], count);
            }
            for (int i = 0; i < count; i++) {
                Market market = byClose[order[i]];
                priceByTicks(context, market, now);
                nextCheck = Math.min(nextCheck, deadline(market.id()));
            }
        }
    }

    @Override
    public long positionLimit() {
        return params.positionLimit();
    }

    /** The reference path: exact fair recorded, quote sent, for every open market on every batch. */
    private void priceExactly(StrategyContext context, Market market, long now) {
        int id = market.id();
        if (context.closed(id) || now < market.openTime()) {
            return;
        }
        BookView book = context.book(id);
        if (!book.live()) {
            // No book yet (or a gap awaiting its snapshot): nothing to quote against, so no fair either.
            withdraw(context, id);
            return;
        }
        double level = context.indexLevel(symbolOf[id]);
        double fairCents = Double.isFinite(level) && level > 0 ? fair.cents(market, level, now) : Double.NaN;
        context.fair(id, fairCents);
        if (stopping(market, now) || Double.isNaN(fairCents)) {
            withdraw(context, id);
        } else {
            Quote quote = rule.quote(fairCents, context.position(id), book.bestYesBid(), book.bestYesAsk(),
                    book.maxTicks(), lastQuote[id]);
            lastQuote[id] = quote;
            context.quote(id, quote);
            quoting[id] = true;
        }
    }

    /** The same quotes from the fair in whole ticks, sending only what the order manager would act on. */
    private void priceByTicks(StrategyContext context, Market market, long now) {
        int id = market.id();
        boolean due = recheck[id];
        recheck[id] = false;
        if (context.closed(id)) {
            return;
        }
        if (now < market.openTime()) {
            return;
        }
        BookView book = context.book(id);
        double level = context.indexLevel(symbolOf[id]);
        if (!book.live() || stopping(market, now) || !(Double.isFinite(level) && level > 0)) {
            withdraw(context, id);
            return;
        }
        long fairTicks = fair.ticks(market, book.maxTicks(), level, now);
        int bestBid = book.bestYesBid();
        int bestAsk = book.bestYesAsk();
        long position = context.position(id);
        Quote previous = lastQuote[id];
        Quote quote = previous;
        if (fairTicks != lastTicks[id] || position != lastPosition[id] || bestBid != lastBid[id]
                || bestAsk != lastAsk[id]) {
            quote = rule.quoteAtTicks(fairTicks, position, bestBid, bestAsk, book.maxTicks(), previous);
            lastTicks[id] = fairTicks;
            lastPosition[id] = position;
            lastBid[id] = bestBid;
            lastAsk[id] = bestAsk;
        }
        if (quote != previous || !quoting[id] || changedInBatch[id] == batch || due) {
            context.quote(id, quote);
            if (quote != previous || params.postOnly() && crosses(quote, bestBid, bestAsk)) {
                recheck(id);
            }
        }
        lastQuote[id] = quote;
        quoting[id] = true;
    }

    /**
     * When a quoting market must be looked at again though nothing changed it: its stop, or the end of its
     * fair's validity; never for a market not quoting (only a change or an index move can make it quote).
     */
    private long deadline(int id) {
        return quoting[id] ? Math.min(stopTime[id], fair.validBefore(id)) : Long.MAX_VALUE;
    }

    /** Lists the open markets as ranks in close order, and notes when the next one opens. */
    private void listOpen(StrategyContext context, long now) {
        openCount = 0;
        nextOpen = Long.MAX_VALUE;
        for (int i = firstOpen; i < byClose.length; i++) {
            Market market = byClose[i];
            if (now < market.openTime()) {
                nextOpen = Math.min(nextOpen, market.openTime());
            } else if (!context.closed(market.id())) {
                open[openCount] = i;
                openIds[openCount++] = market.id();
            }
        }
    }

    private boolean stopping(Market market, long now) {
        return lossStopped || now >= stopTime[market.id()];
    }

    private boolean indexMoved(StrategyContext context) {
        boolean moved = false;
        for (int symbol : symbols) {
            double level = context.indexLevel(symbol);
            if (Double.compare(level, lastLevels[symbol]) != 0) {
                lastLevels[symbol] = level;
                moved = true;
            }
        }
        return moved;
    }

    /** Adds market {@code id} to this batch's {@link #order} (ranks in close order, as a full pass goes). */
    private int list(int id, int count) {
        int r = rank[id];
        if (r < firstOpen || listedInBatch[id] == batch) {
            return count;
        }
        listedInBatch[id] = batch;
        if (order.length == count) {
            order = Arrays.copyOf(order, count * 2);
        }
        int j = count;
        while (j > 0 && order[j - 1] > r) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = r;
        return count + 1;
    }

    /** Whether a side of {@code quote} would trade with the displayed book: post-only, the engine may refuse it. */
    private static boolean crosses(Quote quote, int bestBid, int bestAsk) {
        return quote.bidSize() > 0 && bestAsk > 0 && quote.bidPrice() >= bestAsk
                || quote.askSize() > 0 && bestBid > 0 && quote.askPrice() <= bestBid;
    }

    private void recheck(int market) {
        recheck[market] = true;
        if (recheckCount == rechecks.length) {
            rechecks = Arrays.copyOf(rechecks, recheckCount * 2);
        }
        rechecks[recheckCount++] = market;
    }

    /** The total loss stop ({@code maxLossCents}) looks at every market's P&amp;L together. */
    @Override
    public boolean crossMarketState() {
        return lossLimited;
    }

    private void withdraw(StrategyContext context, int market) {
        if (quoting[market]) {
            context.quote(market, Quote.NONE);
            quoting[market] = false;
        }
    }
}
