package io.kbt.engine.exchange;

/**
 * One of our resting orders: a yes bid or a yes ask at {@code price} ticks. {@code quoted} is the size the
 * strategy asked for, {@code remaining} what is still open; {@code ahead} is the queue model's estimate of the
 * displayed quantity in front of us (hundredths), {@code tradedAhead} the part of recent level decreases that
 * trades already explained (so a depth model does not count them twice).
 */
public final class RestingOrder {
    final boolean bid;
    int price;
    long quoted;
    long remaining;
    long ahead;
    long tradedAhead;

    RestingOrder(boolean bid) {
        this.bid = bid;
    }

    public boolean isBid() {
        return bid;
    }

    public int price() {
        return price;
    }

    public long quoted() {
        return quoted;
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

    /** Sets the queue estimate; for queue models. */
    public void ahead(long ahead) {
        this.ahead = ahead;
    }

    long tradedAhead() {
        return tradedAhead;
    }
}
