package io.kbt.engine.orders;

import io.kbt.engine.exchange.RestingOrder;
import io.kbt.engine.exchange.SimulatedExchange;
import io.kbt.engine.strategy.Quote;

/**
 * Turns a strategy's target quotes into order actions against the simulated exchange, side by side. The target
 * size is what should rest, so it is compared with what still rests after fills: the same size at the same price
 * keeps the order (queue place kept); a smaller size at the same price is a decrease (queue place kept); a new
 * price or a larger size is a cancel and a new order (back of the queue); a side quoted at size 0 is cancelled.
 * Counts orders and cancels sent, and post-only rejections.
 */
public final class OrderManager {
    private final SimulatedExchange exchange;
    private final boolean[] closed;
    private long ordersSent;
    private long cancelsSent;
    private long rejected;

    public OrderManager(SimulatedExchange exchange, int markets) {
        this.exchange = exchange;
        this.closed = new boolean[markets];
    }

    /** Makes our resting orders in {@code market} match {@code quote}; ignored once the market is closed. */
    public void apply(int market, Quote quote, long seq) {
        if (closed[market]) {
            return;
        }
        side(market, true, quote.bidPrice(), quote.bidSize(), quote.postOnly(), seq);
        side(market, false, quote.askPrice(), quote.askSize(), quote.postOnly(), seq);
    }

    private void side(int market, boolean bid, int price, long size, boolean postOnly, long seq) {
        RestingOrder order = bid ? exchange.bid(market) : exchange.ask(market);
        if (order.active()) {
            if (size > 0 && order.price() == price && size == order.remaining()) {
                return;
            }
            if (size > 0 && order.price() == price && size < order.remaining()) {
                exchange.decrease(market, bid, size);
                ordersSent++;
                return;
            }
            exchange.cancel(market, bid);
            cancelsSent++;
        }
        if (size > 0) {
            ordersSent++;
            if (!exchange.place(market, bid, price, size, postOnly, seq)) {
                rejected++;
            }
        }
    }

    /** Cancels both sides and refuses further quotes: the market has closed. */
    public void close(int market) {
        if (exchange.bid(market).active()) {
            exchange.cancel(market, true);
            cancelsSent++;
        }
        if (exchange.ask(market).active()) {
            exchange.cancel(market, false);
            cancelsSent++;
        }
        closed[market] = true;
    }

    public boolean closed(int market) {
        return closed[market];
    }

    public long ordersSent() {
        return ordersSent;
    }

    public long cancelsSent() {
        return cancelsSent;
    }

    /** Sides refused because they were post-only and would have taken liquidity. */
    public long rejected() {
        return rejected;
    }
}
