package io.kbt.engine.exchange;

import io.kbt.engine.book.KalshiBook;
import io.kbt.engine.event.BookSide;
import io.kbt.engine.event.BookSnapshot;
import io.kbt.engine.run.Action;
import io.kbt.engine.run.FillRule;
import io.kbt.engine.run.Liquidity;

/**
 * The simulated Kalshi matching engine for our orders against historical data, without market impact: we hold
 * at most one yes bid and one yes ask per market. Historical trades fill our resting orders (price priority,
 * then the queue model); our marketable orders take displayed liquidity at the resting prices. A data update
 * that crosses our resting order fills it as maker at our price: we were there first, so the incoming order
 * traded with us (unless the data's own book is crossed: then the fill is skipped and counted).
 *
 * <p>What we take, or what crosses us, from a displayed level is a shadow on that level: it stays taken while the
 * level still holds it. A decrease of the level keeps at most what is left (shadow = min(shadow, new size)); an
 * increase is new liquidity. The position limit caps every fill; when it stops one of our orders from trading with
 * displayed liquidity that crosses it, the rest of that order is cancelled, since an order may not rest across the
 * book. Queue positions are settled once per batch ({@link #endBatch}).
 */
public final class SimulatedExchange {
    private final KalshiBook[] books;
    private final QueueModel queue;
    private final PositionLimit positions;
    private final long positionLimit;
    private final FillSink sink;
    private final RestingOrder[] bids;
    private final RestingOrder[] asks;
    private final long[][] shadowYes;
    private final long[][] shadowNo;
    /** Markets with an order whose queue awaits settlement at the batch end, each listed once. */
    private final int[] pendingMarkets;
    private final boolean[] marketPending;
    private int pendingCount;
    private long crossedFillsSkipped;

    public SimulatedExchange(
            KalshiBook[] books, QueueModel queue, PositionLimit positions, long positionLimit, FillSink sink) {
        this.books = books;
        this.queue = queue;
        this.positions = positions;
        this.positionLimit = positionLimit;
        this.sink = sink;
        int n = books.length;
        bids = new RestingOrder[n];
        asks = new RestingOrder[n];
        shadowYes = new long[n][];
        shadowNo = new long[n][];
        pendingMarkets = new int[n];
        marketPending = new boolean[n];
        for (int m = 0; m < n; m++) {
            bids[m] = new RestingOrder(true);
            asks[m] = new RestingOrder(false);
            shadowYes[m] = new long[books[m].maxTicks()];
            shadowNo[m] = new long[books[m].maxTicks()];
        }
    }

    public KalshiBook book(int market) {
        return books[market];
    }

    /** Our yes bid in {@code market} (inactive when {@code remaining() == 0}). */
    public RestingOrder bid(int market) {
        return bids[market];
    }

    /** Our yes ask in {@code market} (inactive when {@code remaining() == 0}). */
    public RestingOrder ask(int market) {
        return asks[market];
    }

    /** Crossing fills of our resting orders skipped because the data's own book was crossed at the time. */
    public long crossedFillsSkipped() {
        return crossedFillsSkipped;
    }

    // ---- market data ----

    /** Applies a snapshot: shadows kept where the new levels still hold them, crossed orders filled. */
    public void applySnapshot(BookSnapshot snapshot, long seq) {
        int m = snapshot.market();
        KalshiBook book = books[m];
        RestingOrder bid = bids[m];
        RestingOrder ask = asks[m];
        if (bid.remaining > 0) {
            touch(m, bid, book.yesBidSize(bid.price));
        }
        if (ask.remaining > 0) {
            touch(m, ask, book.yesAskSize(ask.price));
        }
        book.applySnapshot(snapshot);
        long[] yes = shadowYes[m];
        long[] no = shadowNo[m];
        for (int q = 1; q < yes.length; q++) {
            if (yes[q] > 0) {
                yes[q] = Math.min(yes[q], book.yesBidSize(q));
            }
            if (no[q] > 0) {
                no[q] = Math.min(no[q], book.noBidSize(q));
            }
        }
        checkCrossed(m, seq);
    }

    /** Applies a delta to one level: its shadow cut to what the level still holds, crossed orders filled. */
    public void applyDelta(int m, BookSide side, int price, long delta, long seq) {
        KalshiBook book = books[m];
        if (side == BookSide.YES) {
            RestingOrder bid = bids[m];
            if (bid.remaining > 0 && bid.price == price) {
                touch(m, bid, book.yesBidSize(price));
            }
            long after = book.applyDelta(side, price, delta);
            long[] shadow = shadowYes[m];
            if (shadow[price] > after) {
                shadow[price] = after;
            }
        } else {
            RestingOrder ask = asks[m];
            if (ask.remaining > 0 && book.maxTicks() - ask.price == price) {
                touch(m, ask, book.noBidSize(price));
            }
            long after = book.applyDelta(side, price, delta);
            long[] shadow = shadowNo[m];
            if (shadow[price] > after) {
                shadow[price] = after;
            }
        }
        checkCrossed(m, seq);
    }

    /**
     * A historical trade of {@code count} hundredths at {@code yesPrice}. Taker side NO (sold yes) fills our bid
     * priced above the trade first, then at the trade price per the queue model; taker side YES (bought yes)
     * fills our ask priced below, then at. The total filled never exceeds the trade's count.
     */
    public void onTrade(int m, int yesPrice, long count, BookSide takerSide, long seq) {
        RestingOrder order = takerSide == BookSide.NO ? bids[m] : asks[m];
        if (order.remaining <= 0) {
            return;
        }
        boolean through = order.bid ? order.price > yesPrice : order.price < yesPrice;
        long reaching;
        FillRule rule;
        if (through) {
            reaching = count;
            rule = FillRule.TRADE_THROUGH;
        } else if (order.price == yesPrice) {
            KalshiBook book = books[m];
            touch(m, order, order.bid ? book.yesBidSize(yesPrice) : book.yesAskSize(yesPrice));
            order.traded += count;
            reaching = queue.onTrade(order, count);
            rule = FillRule.QUEUE;
        } else {
            return;
        }
        long filled = capped(m, order.bid, Math.min(order.remaining, reaching));
        if (filled > 0) {
            order.remaining -= filled;
            sink.onFill(m, order.bid ? Action.BUY : Action.SELL, order.price, filled, Liquidity.MAKER, rule, seq);
        }
    }

    /**
     * Ends a batch of equal-timestamp events: every queue whose level changed or traded in it is settled once,
     * from the level's size when the batch began, its size now and the volume traded at it.
     */
    public void endBatch() {
        for (int i = 0; i < pendingCount; i++) {
            int m = pendingMarkets[i];
            marketPending[m] = false;
            KalshiBook book = books[m];
            RestingOrder bid = bids[m];
            if (bid.pending) {
                settle(bid, book.yesBidSize(bid.price));
            }
            RestingOrder ask = asks[m];
            if (ask.pending) {
                settle(ask, book.yesAskSize(ask.price));
            }
        }
        pendingCount = 0;
    }

    private void settle(RestingOrder order, long after) {
        order.pending = false;
        if (order.remaining > 0) {
            queue.onDepthChange(order, order.levelBefore, after, order.traded);
        }
        order.traded = 0;
    }

    /** The level at our order's price is about to change or trade: remember its size at the start of the batch. */
    private void touch(int m, RestingOrder order, long levelNow) {
        if (order.pending) {
            return;
        }
        order.pending = true;
        order.levelBefore = levelNow;
        order.traded = 0;
        if (!marketPending[m]) {
            marketPending[m] = true;
            pendingMarkets[pendingCount++] = m;
        }
    }

    // ---- our orders ----

    /**
     * Whether a new order at {@code price} would take liquidity now: some displayed, unshadowed level at or
     * through our price on the other side.
     */
    public boolean marketable(int m, boolean bid, int price) {
        KalshiBook book = books[m];
        int max = book.maxTicks();
        if (bid) {
            for (int q = book.bestNoBid(); q > 0 && q >= max - price; q--) {
                if (book.noBidSize(q) > shadowNo[m][q]) {
                    return true;
                }
            }
        } else {
            for (int q = book.bestYesBid(); q > 0 && q >= price; q--) {
                if (book.yesBidSize(q) > shadowYes[m][q]) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Places a new order (replacing any resting one on that side, which loses its queue place): the marketable
     * part takes displayed liquidity as a taker, the rest joins the back of the displayed queue at its price
     * (unless the position limit cut the take short: then nothing rests). Returns false, placing nothing, when
     * {@code postOnly} and the order would take.
     */
    public boolean place(int m, boolean bid, int price, long size, boolean postOnly, long seq) {
        if (price <= 0 || price >= books[m].maxTicks()) {
            throw new IllegalArgumentException("quote price " + price + " outside 1.." + (books[m].maxTicks() - 1)
                    + " in market " + m);
        }
        RestingOrder order = bid ? bids[m] : asks[m];
        order.remaining = 0;
        order.pending = false;
        order.traded = 0;
        // take() finds something exactly when marketable() does (same levels, same shadows): one scan decides both.
        boolean marketable = marketable(m, bid, price);
        if (postOnly && marketable) {
            return false;
        }
        order.price = price;
        order.remaining = size;
        if (marketable) {
            take(m, order, seq);
        }
        KalshiBook book = books[m];
        long displayed = bid ? book.yesBidSize(price) : book.yesAskSize(price);
        order.levelBefore = displayed;
        order.ahead = queue.aheadOnJoin(displayed);
        return true;
    }

    /** Cancels our order on one side. */
    public void cancel(int m, boolean bid) {
        RestingOrder order = bid ? bids[m] : asks[m];
        order.remaining = 0;
        order.pending = false;
    }

    /** Lowers the open size of a resting order to {@code remaining}, keeping its queue place (Kalshi's decrease). */
    public void decrease(int m, boolean bid, long remaining) {
        RestingOrder order = bid ? bids[m] : asks[m];
        if (remaining <= 0 || remaining > order.remaining) {
            throw new IllegalArgumentException("decrease to " + remaining + " of an order with " + order.remaining
                    + " open in market " + m);
        }
        order.remaining = remaining;
    }

    /** After a book update: fills whichever of our resting orders the displayed levels now cross. */
    private void checkCrossed(int m, long seq) {
        KalshiBook book = books[m];
        RestingOrder bid = bids[m];
        int bestNo = book.bestNoBid();
        if (bid.remaining > 0 && bestNo > 0 && book.maxTicks() - bestNo <= bid.price) {
            crossedByData(m, bid, seq);
        }
        RestingOrder ask = asks[m];
        if (ask.remaining > 0 && book.bestYesBid() >= ask.price) {
            crossedByData(m, ask, seq);
        }
    }

    /**
     * Our resting order is crossed by displayed levels that arrived after it: those incoming orders trade with us
     * first (ahead of any queue behind our price), so we fill as maker at our own price, for the crossing
     * displayed quantity not already shadowed, which the fill then shadows. Not while the data's own book is
     * crossed: such a book is not a market anyone could trade with, so the fill waits for a consistent one.
     */
    private void crossedByData(int m, RestingOrder order, long seq) {
        KalshiBook book = books[m];
        int max = book.maxTicks();
        long[] shadow = order.bid ? shadowNo[m] : shadowYes[m];
        int last = order.bid ? max - order.price : order.price;
        long room = capped(m, order.bid, order.remaining);
        long filled = 0;
        boolean blocked = false;
        for (int q = order.bid ? book.bestNoBid() : book.bestYesBid(); q > 0 && q >= last; q--) {
            long available = (order.bid ? book.noBidSize(q) : book.yesBidSize(q)) - shadow[q];
            if (available <= 0) {
                continue;
            }
            if (book.crossed()) {
                crossedFillsSkipped++;
                return;
            }
            long crossing = Math.min(available, room - filled);
            shadow[q] += crossing;
            filled += crossing;
            if (crossing < available) {
                blocked = filled < order.remaining;
                break;
            }
        }
        if (filled > 0) {
            order.remaining -= filled;
            sink.onFill(m, order.bid ? Action.BUY : Action.SELL, order.price, filled, Liquidity.MAKER,
                    FillRule.CROSSED_BY_DATA, seq);
        }
        if (blocked) {
            order.remaining = 0;
        }
    }

    private void take(int m, RestingOrder order, long seq) {
        KalshiBook book = books[m];
        int max = book.maxTicks();
        long[] shadow = order.bid ? shadowNo[m] : shadowYes[m];
        int last = order.bid ? max - order.price : order.price;
        for (int q = order.bid ? book.bestNoBid() : book.bestYesBid(); q > 0 && q >= last; q--) {
            long available = (order.bid ? book.noBidSize(q) : book.yesBidSize(q)) - shadow[q];
            if (available <= 0) {
                continue;
            }
            long want = Math.min(available, order.remaining);
            long taken = capped(m, order.bid, want);
            if (taken > 0) {
                shadow[q] += taken;
                order.remaining -= taken;
                sink.onFill(m, order.bid ? Action.BUY : Action.SELL, order.bid ? max - q : q, taken,
                        Liquidity.TAKER, FillRule.TAKE, seq);
            }
            if (taken < want) {
                // The position limit stopped us with liquidity left that crosses our price: nothing may rest there.
                order.remaining = 0;
                return;
            }
            if (order.remaining == 0) {
                return;
            }
        }
    }

    /** {@code want} cut so that the position after the fill stays within ± the position limit. */
    private long capped(int m, boolean buy, long want) {
        if (positionLimit == Long.MAX_VALUE) {
            return want;
        }
        long position = positions.position(m);
        long room = buy ? positionLimit - position : positionLimit + position;
        return Math.max(0, Math.min(want, room));
    }
}
