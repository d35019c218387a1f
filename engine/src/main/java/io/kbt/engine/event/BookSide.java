package io.kbt.engine.event;

/** The two sides of a Kalshi book, both bids: yes bids and no bids. Also a trade's taker side. */
public enum BookSide {
    YES,
    NO
}
