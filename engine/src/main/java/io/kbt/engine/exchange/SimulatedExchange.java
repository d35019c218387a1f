package io.kbt.engine.exchange;

import io.kbt.engine.book.KalshiBook;
import io.kbt.engine.event.BookSide;
import io.kbt.engine.event.BookSnapshot;
import io.kbt.engine.run.Action;
import io.kbt.engine.run.FillRule;
import io.kbt.engine.run.Liquidity;
import java.util.Arrays;

/**
 * The simulated Kalshi matching engine for our orders against historical data, without market impact: we hold
 * at most one yes bid and one yes ask per market. Historical trades fill our resting orders (price priority,
 * then the queue model); our marketable orders take displayed liquidity at the resting prices. A data update
 * that crosses our resting order fills it as maker at our price: we were there first, so the incoming order
 * traded with us. What we take, or what crosses us, from a displayed level is remembered as a shadow on that
 * level and cannot fill us again until the data updates the level (a delta at that price or a snapshot). Every
 * fill is capped at the position limit.
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

    // ---- market data ----

    /** Applies a snapshot: queues re-estimated from the new levels, shadows cleared, crossed orders filled. */
    public void applySnapshot(BookSnapshot snapshot, long seq) {
        int m = snapshot.market();
        KalshiBook book = books[m];
        RestingOrder bid = bids[m];
        RestingOrder ask = asks[m];
        long bidBefore = bid.active() ? book.yesBidSize(bid.price) : 0;
        long askBefore = ask.active() ? book.yesAskSize(ask.price) : 0;
        book.applySnapshot(snapshot);
        Arrays.fill(shadowYes[m], 0);
        Arrays.fill(shadowNo[m], 0);
        if (bid.active()) {
            queue.onDepthChange(bid, bidBefore, book.yesBidSize(bid.price));
            crossedByData(m, bid, seq);
        }
        if (ask.active()) {
            queue.onDepthChange(ask, askBefore, book.yesAskSize(ask.price));
            crossedByData(m, ask, seq);
        }
    }

    /** Applies a delta to one level: our queue at that level updated, its shadow cleared, crossed orders filled. */
    public void applyDelta(int m, BookSide side, int price, long delta, long seq) {
        KalshiBook book = books[m];
        long before = book.size(side, price);
        long after = book.applyDelta(side, price, delta);
        if (side == BookSide.YES) {
            shadowYes[m][price] = 0;
            RestingOrder bid = bids[m];
            if (bid.remaining > 0 && bid.price == price) {
                queue.onDepthChange(bid, before, after);
            }
            RestingOrder ask = asks[m];
            if (ask.remaining > 0 && book.bestYesBid() >= ask.price) {
                crossedByData(m, ask, seq);
            }
        } else {
            shadowNo[m][price] = 0;
            RestingOrder ask = asks[m];
            if (ask.remaining > 0 && book.maxTicks() - ask.price == price) {
                queue.onDepthChange(ask, before, after);
            }
            RestingOrder bid = bids[m];
            int bestNo = book.bestNoBid();
            if (bid.remaining > 0 && bestNo > 0 && book.maxTicks() - bestNo <= bid.price) {
                crossedByData(m, bid, seq);
            }
        }
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
     * part takes displayed liquidity as a taker, the rest joins the back of the displayed queue at its price.
     * Returns false, placing nothing, when {@code postOnly} and the order would take.
     */
    public boolean place(int m, boolean bid, int price, long size, boolean postOnly, long seq) {
        if (price <= 0 || price >= books[m].maxTicks()) {
            throw new IllegalArgumentException("quote price " + price + " outside 1.." + (books[m].maxTicks() - 1)
                    + " in market " + m);
        }
        RestingOrder order = bid ? bids[m] : asks[m];
        order.remaining = 0;
        // take() finds something exactly when marketable() does (same levels, same shadows): one scan decides both.
        boolean marketable = marketable(m, bid, price);
        if (postOnly && marketable) {
            return false;
        }
        order.price = price;
        order.quoted = size;
        order.remaining = size;
        order.tradedAhead = 0;
        if (marketable) {
            take(m, order, seq);
        }
        KalshiBook book = books[m];
        order.ahead = queue.aheadOnJoin(bid ? book.yesBidSize(price) : book.yesAskSize(price));
        return true;
    }

    /** Cancels our order on one side. */
    public void cancel(int m, boolean bid) {
        (bid ? bids[m] : asks[m]).remaining = 0;
    }

    /** Lowers the quoted size of a resting order, keeping its queue place (Kalshi's decrease). */
    public void decrease(int m, boolean bid, long newQuoted) {
        RestingOrder order = bid ? bids[m] : asks[m];
        long cut = order.quoted - newQuoted;
        order.quoted = newQuoted;
        order.remaining = Math.max(0, order.remaining - cut);
    }

    /**
     * Our resting order is crossed by displayed levels that arrived after it: those incoming orders trade with us
     * first (ahead of any queue behind our price), so we fill as maker at our own price, for the crossing
     * displayed quantity not already shadowed, which the fill then shadows.
     */
    private void crossedByData(int m, RestingOrder order, long seq) {
        KalshiBook book = books[m];
        int max = book.maxTicks();
        long[] shadow = order.bid ? shadowNo[m] : shadowYes[m];
        int last = order.bid ? max - order.price : order.price;
        long want = capped(m, order.bid, order.remaining);
        long filled = 0;
        for (int q = order.bid ? book.bestNoBid() : book.bestYesBid(); q > 0 && q >= last && filled < want; q--) {
            long available = (order.bid ? book.noBidSize(q) : book.yesBidSize(q)) - shadow[q];
            if (available > 0) {
                long crossing = Math.min(available, want - filled);
                shadow[q] += crossing;
                filled += crossing;
            }
        }
        if (filled > 0) {
            order.remaining -= filled;
            sink.onFill(m, order.bid ? Action.BUY : Action.SELL, order.price, filled, Liquidity.MAKER,
                    FillRule.CROSSED_BY_DATA, seq);
        }
    }

    private void take(int m, RestingOrder order, long seq) {
        KalshiBook book = books[m];
        int max = book.maxTicks();
        if (order.bid) {
            long[] shadow = shadowNo[m];
            for (int q = book.bestNoBid(); q > 0 && q >= max - order.price && order.remaining > 0; q--) {
                long available = book.noBidSize(q) - shadow[q];
                if (available > 0) {
                    long taken = capped(m, true, Math.min(available, order.remaining));
                    if (taken <= 0) {
                        return;
                    }
                    shadow[q] += taken;
                    order.remaining -= taken;
                    sink.onFill(m, Action.BUY, max - q, taken, Liquidity.TAKER, FillRule.TAKE, seq);
                }
            }
        } else {
            long[] shadow = shadowYes[m];
            for (int q = book.bestYesBid(); q > 0 && q >= order.price && order.remaining > 0; q--) {
                long available = book.yesBidSize(q) - shadow[q];
                if (available > 0) {
                    long taken = capped(m, false, Math.min(available, order.remaining));
                    if (taken <= 0) {
                        return;
                    }
                    shadow[q] += taken;
                    order.remaining -= taken;
                    sink.onFill(m, Action.SELL, q, taken, Liquidity.TAKER, FillRule.TAKE, seq);
                }
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
