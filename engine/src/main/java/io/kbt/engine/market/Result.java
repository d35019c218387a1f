package io.kbt.engine.market;

/** A market's recorded result; {@code UNKNOWN} when none is stored. */
public enum Result {
    YES,
    NO,
    UNKNOWN
}
