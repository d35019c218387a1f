package io.kbt.engine.exchange;

/** Tells the exchange our current position so it can cap fills at the strategy's position limit. */
@FunctionalInterface
public interface PositionLimit {
    /** Signed position in hundredths (+ yes, − no) of {@code market} right now. */
    long position(int market);
}
