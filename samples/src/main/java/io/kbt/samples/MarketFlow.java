package io.kbt.samples;

import io.kbt.engine.book.KalshiBook;
import io.kbt.engine.event.BookSide;
import io.kbt.engine.event.Level;
import io.kbt.engine.market.Market;
import io.kbt.feeds.write.KalshiWsWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The book ({@link KalshiBook}, in cents) and order flow of one market for one session. Liquidity providers requote post-only (never crossing
 * the others' quotes, removals written before additions, so no prefix of a requote crosses either), noise takers
 * arrive at random and informed takers pick off quotes that lag the fair probability. Every trade is written with
 * the delta that takes its quantity off the book, as Kalshi's feed does.
 */
final class MarketFlow {
    static final int REQUOTE = 0;
    static final int NOISE = 1;
    static final int INFORMED = 2;

    private static final int PROVIDERS = 3;
    /** A requote per provider, a noise taker and an informed taker. */
    static final int MAX_ACTIONS_PER_SECOND = PROVIDERS + 2;
    private static final double NOISE_RATE = 0.25;
    private static final double INFORMED_RATE = 0.25;
    private static final double REFRESH_RATE = 0.01;

    private final Market market;
    private final String ticker;
    private final Rng rng;
    private final KalshiWsWriter ws;
    private final KalshiBook book = new KalshiBook(100);
    private final LiquidityProvider[] providers = new LiquidityProvider[PROVIDERS];
    private double fair;
    private double activity;
    private long trades;
    private long contracts;

    MarketFlow(Market market, Rng rng, KalshiWsWriter ws) {
        this.market = market;
        this.ticker = market.ticker();
        this.rng = rng;
        this.ws = ws;
    }

    Market market() {
        return market;
    }

    /**
     * Seeds the providers at the open ({@code openMicros}), where the market's fair probability is {@code fair}, and
     * writes its snapshot.
     */
    void open(long openMicros, double fair) {
        this.fair = fair;
        for (int i = 0; i < PROVIDERS; i++) {
            providers[i] = new LiquidityProvider(rng, fair);
            requote(providers[i], 0, true);
        }
        ws.snapshot(ticker, levels(BookSide.YES), levels(BookSide.NO), openMicros);
    }

    /**
     * Advances the agents to second {@code second} of the session, where the fair probability is {@code fair}, and
     * appends this market's actions within that second to {@code actions} (sort keys: offset in µs, market, kind,
     * agent). Returns the new action count.
     */
    int schedule(int second, double fair, int marketIndex, long[] actions, int count) {
        this.fair = fair;
        double x = second / (double) TradingDays.SESSION_SECONDS - 0.5;
        activity = (0.5 + 4 * x * x) * (0.01 + 4 * fair * (1 - fair));
        for (int i = 0; i < PROVIDERS; i++) {
            LiquidityProvider provider = providers[i];
            provider.updateTarget(fair, rng, true);
            boolean refresh = second >= provider.nextRefresh;
            if (refresh) {
                provider.nextRefresh = second + rng.waitSeconds(REFRESH_RATE);
            }
            if (refresh || provider.wantsRequote()) {
                int offset = Math.min(999_999, provider.delayMicros + rng.between(0, 300_000));
                actions[count++] = key(offset, marketIndex, REQUOTE, i);
            }
        }
        if (rng.chance(NOISE_RATE * activity)) {
            actions[count++] = key(rng.between(1, 999_999), marketIndex, NOISE, 0);
        }
        if (rng.chance(INFORMED_RATE)) {
            actions[count++] = key(rng.between(1, 300_000), marketIndex, INFORMED, 0);
        }
        return count;
    }

    static long key(int offsetMicros, int marketIndex, int kind, int agent) {
        return (long) offsetMicros << 28 | (long) marketIndex << 8 | kind << 4 | agent;
    }

    static int offsetOf(long key) {
        return (int) (key >>> 28);
    }

    static int marketOf(long key) {
        return (int) (key >>> 8 & 0xfffff);
    }

    static int kindOf(long key) {
        return (int) (key >>> 4 & 0xf);
    }

    static int agentOf(long key) {
        return (int) (key & 0xf);
    }

    void act(int kind, int agent, long ts) {
        switch (kind) {
            case REQUOTE -> requote(providers[agent], ts, false);
            case NOISE -> noiseTaker(ts);
            case INFORMED -> informedTaker(ts);
            default -> throw new IllegalArgumentException("unknown action " + kind);
        }
    }

    /** The spread in cents, or 0 when a side is empty. */
    int spread() {
        int bestYes = book.bestYesBid();
        int bestNo = book.bestNoBid();
        return bestYes > 0 && bestNo > 0 ? 100 - bestNo - bestYes : 0;
    }

    /** The mid in cents (only meaningful when both sides quote). */
    double mid() {
        return (book.bestYesBid() + 100 - book.bestNoBid()) / 2.0;
    }

    long trades() {
        return trades;
    }

    long contracts() {
        return contracts;
    }

    private void noiseTaker(long ts) {
        int size = (int) Math.max(1, Math.min(500, Math.round(rng.logNormal(5, 1.0))));
        int slip = rng.chance(0.8) ? 0 : rng.between(1, 2);
        if (rng.chance(0.5)) {
            if (book.bestNoBid() > 0) {
                take(BookSide.YES, size, book.bestYesAsk() + slip, ts);
            }
        } else if (book.bestYesBid() > 0) {
            take(BookSide.NO, size, book.bestYesBid() - slip, ts);
        }
    }

    private void informedTaker(long ts) {
        double fairCents = 100 * fair;
        double edge = rng.uniform(1.5, 3.0);
        int size = (int) Math.max(1, Math.min(1_000, Math.round(rng.logNormal(20, 0.8))));
        int bestYes = book.bestYesBid();
        int bestNo = book.bestNoBid();
        if (bestNo > 0 && fairCents - (100 - bestNo) >= edge) {
            take(BookSide.YES, size, (int) Math.floor(fairCents - edge / 2), ts);
        } else if (bestYes > 0 && bestYes - fairCents >= edge) {
            take(BookSide.NO, size, (int) Math.ceil(fairCents + edge / 2), ts);
        }
    }

    /**
     * A taker order: buying yes ({@code takerSide} YES) lifts no bids while the yes price is at most
     * {@code worstYesPrice}; selling yes hits yes bids while the price is at least it. The rest is cancelled.
     */
    private void take(BookSide takerSide, int size, int worstYesPrice, long ts) {
        int remaining = size;
        boolean buying = takerSide == BookSide.YES;
        while (remaining > 0) {
            int price = buying ? book.bestNoBid() : book.bestYesBid();
            int yesPrice = buying ? 100 - price : price;
            if (price == 0 || (buying ? yesPrice > worstYesPrice : yesPrice < worstYesPrice)) {
                break;
            }
            BookSide restingSide = buying ? BookSide.NO : BookSide.YES;
            int quantity = (int) Math.min(remaining, contractsAt(restingSide, price));
            ws.trade(tradeId(), ticker, yesPrice, quantity * 100L, takerSide, ts);
            change(restingSide, price, -quantity, ts, false);
            int left = quantity;
            for (LiquidityProvider provider : providers) {
                int[] resting = buying ? provider.no : provider.yes;
                int filled = Math.min(left, resting[price]);
                if (filled > 0) {
                    resting[price] -= filled;
                    left -= filled;
                    provider.dirty = true;
                }
            }
            remaining -= quantity;
            trades++;
            contracts += quantity;
        }
    }

    private UUID tradeId() {
        long hi = rng.nextLong() & 0xffffffffffff0fffL | 0x4000L;
        long lo = rng.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L;
        return new UUID(hi, lo);
    }

    /**
     * Moves the provider's ladders to its target, never crossing the other providers' best quotes: removals first,
     * then additions, so every intermediate book is uncrossed too.
     */
    private void requote(LiquidityProvider provider, long ts, boolean silent) {
        int othersYes = bestExcluding(BookSide.YES, provider.yes);
        int othersNo = bestExcluding(BookSide.NO, provider.no);
        int bidTop = Math.min(provider.targetBid, 99 - othersNo);
        int askTop = Math.max(provider.targetAsk, othersYes + 1);
        int noTop = 100 - askTop;
        int yesFrom = Math.max(1, Math.min(provider.yesLow, bidTop - provider.ladder + 1));
        int yesTo = Math.min(99, Math.max(provider.yesHigh, bidTop));
        int noFrom = Math.max(1, Math.min(provider.noLow, noTop - provider.ladder + 1));
        int noTo = Math.min(99, Math.max(provider.noHigh, noTop));
        for (int pass = 0; pass < 2; pass++) {
            boolean removing = pass == 0;
            for (int p = yesFrom; p <= yesTo; p++) {
                adjust(provider, BookSide.YES, p, wanted(provider, p, bidTop), removing, ts, silent);
            }
            for (int p = noFrom; p <= noTo; p++) {
                adjust(provider, BookSide.NO, p, wanted(provider, p, noTop), removing, ts, silent);
            }
        }
        provider.yesLow = Math.max(1, bidTop - provider.ladder + 1);
        provider.yesHigh = Math.min(99, bidTop);
        provider.noLow = Math.max(1, noTop - provider.ladder + 1);
        provider.noHigh = Math.min(99, noTop);
        provider.quotedBid = provider.targetBid;
        provider.quotedAsk = provider.targetAsk;
        provider.dirty = false;
        if (book.crossed()) {
            throw new IllegalStateException(ticker + ": generator crossed its book at " + ts);
        }
    }

    private static int wanted(LiquidityProvider provider, int price, int top) {
        return price <= top && price > top - provider.ladder ? provider.size : 0;
    }

    private void adjust(LiquidityProvider provider, BookSide side, int price, int wanted, boolean removing, long ts,
            boolean silent) {
        int[] own = side == BookSide.YES ? provider.yes : provider.no;
        int delta = wanted - own[price];
        if (removing ? delta < 0 : delta > 0) {
            own[price] = wanted;
            change(side, price, delta, ts, silent);
        }
    }

    private void change(BookSide side, int price, int delta, long ts, boolean silent) {
        if (contractsAt(side, price) + delta < 0) {
            throw new IllegalStateException(ticker + ": generator took " + side + " " + price + " below zero at " + ts);
        }
        book.applyDelta(side, price, delta * 100L);
        if (!silent) {
            ws.delta(ticker, side, price, delta * 100L, ts);
        }
    }

    /** Whole contracts resting at {@code price} on {@code side}: the generator quotes and takes whole contracts. */
    private long contractsAt(BookSide side, int price) {
        return book.size(side, price) / 100;
    }

    /** The best price on {@code side} at which someone other than the owner of {@code own} bids. */
    private int bestExcluding(BookSide side, int[] own) {
        for (int p = side == BookSide.YES ? book.bestYesBid() : book.bestNoBid(); p > 0; p--) {
            if (contractsAt(side, p) - own[p] > 0) {
                return p;
            }
        }
        return 0;
    }

    private List<Level> levels(BookSide side) {
        List<Level> levels = new ArrayList<>();
        for (int p = 1; p < 100; p++) {
            long quantity = book.size(side, p);
            if (quantity > 0) {
                levels.add(new Level(p, quantity));
            }
        }
        return levels;
    }
}
