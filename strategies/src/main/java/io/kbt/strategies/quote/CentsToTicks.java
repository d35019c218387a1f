package io.kbt.strategies.quote;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An exact decimal amount of cents (per contract, for the skew) converted to whole ticks, rounded half to even,
 * in long arithmetic: the quoting rule runs after every batch of a replay, and BigDecimal there would cost more
 * than pricing the market. Falls back to BigDecimal only when the long products would overflow.
 */
final class CentsToTicks {
    private static final long HUNDREDTHS_PER_CONTRACT = 100;

    private final BigDecimal cents;
    private final long unscaled;
    private final long denominator;
    private final boolean exactInLong;

    CentsToTicks(BigDecimal cents) {
        this.cents = cents;
        BigDecimal normal = cents.scale() < 0 ? cents.setScale(0) : cents;
        long unscaledValue = 0;
        long denominatorValue = 0;
        boolean fits = normal.scale() <= 14 && normal.unscaledValue().bitLength() < 63;
        if (fits) {
            unscaledValue = normal.unscaledValue().longValueExact();
            // cents × (hundredths / 100) × (maxTicks / 100): 10^scale from the decimal, 10^4 from the two /100
            denominatorValue = BigDecimal.TEN.pow(normal.scale() + 4).longValueExact();
        }
        this.unscaled = unscaledValue;
        this.denominator = denominatorValue;
        this.exactInLong = fits;
    }

    /** Ticks of {@code cents} × ({@code hundredths} / 100) on a grid of {@code maxTicks} ticks per dollar. */
    long ticks(long hundredths, int maxTicks) {
        if (exactInLong) {
            try {
                return halfEven(Math.multiplyExact(Math.multiplyExact(unscaled, hundredths), (long) maxTicks), denominator);
            } catch (ArithmeticException overflow) {
                // fall through to the exact decimal path
            }
        }
        return cents.multiply(BigDecimal.valueOf(hundredths, 2))
                .multiply(BigDecimal.valueOf(maxTicks).movePointLeft(2))
                .setScale(0, RoundingMode.HALF_EVEN)
                .max(BigDecimal.valueOf(-4L * maxTicks))
                .min(BigDecimal.valueOf(4L * maxTicks))
                .longValueExact();
    }

    /** Ticks of {@code cents} for one contract. */
    long ticks(int maxTicks) {
        return ticks(HUNDREDTHS_PER_CONTRACT, maxTicks);
    }

    /** One long division (floorDiv and floorMod would take two): the quote rule calls this on every re-quote. */
    private static long halfEven(long numerator, long denominator) {
        long quotient = numerator / denominator;
        long remainder = numerator - quotient * denominator;
        if (remainder < 0) {
            quotient--;
            remainder += denominator;
        }
        long twiceRemainder = 2 * remainder;
        if (twiceRemainder > denominator || twiceRemainder == denominator && (quotient & 1) != 0) {
            return quotient + 1;
        }
        return quotient;
    }
}
