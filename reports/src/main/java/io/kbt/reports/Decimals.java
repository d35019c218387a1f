package io.kbt.reports;

import java.math.BigDecimal;

/**
 * Exact decimal renderings of the engine's integer units: micro-dollars as cents or dollars, ticks as cents,
 * hundredths of a contract as contracts. Never via {@code double}, so no binary rounding noise reaches a file.
 */
final class Decimals {
    private Decimals() {}

    /** Micro-dollars as cents, exact (up to 4 decimals, trailing zeros dropped). */
    static BigDecimal cents(long micros) {
        return strip(BigDecimal.valueOf(micros, 4));
    }

    /** Micro-dollars as dollars, exact (also micro-seconds as seconds: the same scale of 10⁻⁶). */
    static BigDecimal dollars(long micros) {
        return strip(BigDecimal.valueOf(micros, 6));
    }

    /** Hundredths of a contract as contracts with exactly two decimals ("1.00", "-1.84"). */
    static BigDecimal contracts(long hundredths) {
        return BigDecimal.valueOf(hundredths, 2);
    }

    private static BigDecimal strip(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
