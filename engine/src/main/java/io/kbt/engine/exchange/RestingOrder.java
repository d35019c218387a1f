package io.kbt.engine.exchange;

/**
 * One of our resting orders as a {@link QueueModel} sees it (public, so models can live outside kbt): a yes bid or
 * a yes ask at {@code price} ticks with {@code remaining} hundredths still open. {@code ahead} is the queue model's estimate of the displayed quantity in front of us (hundredths). Within a
 * batch of equal-timestamp events the queue is settled once, at the batch end: {@code levelBefore} is the displayed
 * size at our price when the batch began (or when we joined), {@code traded} the historical trade volume printed at
 * our price since, so that a decrease a trade explains never also counts as a cancellation, whatever the order of
 * the trade and its delta.
 */
public final class RestingOrder {
    final boolean bid;
    int price;
    long remaining;
    long ahead;
    long levelBefore;
    long traded;
    /** The level at our price changed or traded in this batch: the queue model settles it at the batch end. */
    boolean pending;

    RestingOrder(boolean bid) {
        this.bid = bid;
    }

    public boolean isBid() {
        return bid;
    }

    public int price() {
        return price;
    }

    public long remaining() {
        return remaining;
    }

    public long ahead() {
        return ahead;
    }

    public boolean active() {
        return remaining > 0;
    }

    /** The displayed size at our price when the current batch began (or when we joined), hundredths. */
    public long levelBefore() {
        return levelBefore;
    }

    /** Historical trade volume printed at our price in the current batch (the "traded ahead"), hundredths. */
    public long traded() {
        return traded;
    }

    /** Sets the queue estimate; for queue models. */
    public void ahead(long ahead) {
        this.ahead = ahead;
    }
}
