package io.kbt.engine.market;

/** How a market's strikes decide its result (Kalshi's {@code strike_type}). */
public enum StrikeType {
    /** Yes when floor ≤ value ≤ cap. */
    BETWEEN,
    /** Yes when value &gt; floor. */
    GREATER,
    /** Yes when value ≥ floor. */
    GREATER_OR_EQUAL,
    /** Yes when value &lt; cap. */
    LESS,
    /** Yes when value ≤ cap. */
    LESS_OR_EQUAL,
    /** Strikes unknown (e.g. a market first seen in a recording); cannot be settled from the index. */
    UNKNOWN
}
