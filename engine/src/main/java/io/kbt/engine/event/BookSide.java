package io.kbt.engine.event;

/** The two sides of a Kalshi book, both bids: yes bids and no bids. Also a trade's taker side. */
public enum BookSide {
    YES,
    NO;

    /**
     * The side's one numeric code, used wherever a side is stored as a number (the database's {@code side} and
     * {@code taker_side} columns, the event tape): YES 0, NO 1. Stored data depends on it, so it never changes.
     */
    public int code() {
        return this == YES ? 0 : 1;
    }

    /** The side whose {@link #code()} is {@code code}. */
    public static BookSide ofCode(int code) {
        return switch (code) {
            case 0 -> YES;
            case 1 -> NO;
            default -> throw new IllegalArgumentException("book side code must be 0 (YES) or 1 (NO), was " + code);
        };
    }
}
