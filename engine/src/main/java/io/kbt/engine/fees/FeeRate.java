package io.kbt.engine.fees;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * An exact fee rate (e.g. 0.07) and Kalshi's fee rule: rate × C × P × (1 − P) dollars for C contracts at P
 * dollars, rounded up to the next cent. Computed with integers only, so no fill is ever a cent off.
 */
public record FeeRate(BigDecimal rate) {
    private static final BigInteger MICROS_PER_DOLLAR = BigInteger.valueOf(1_000_000);
    /** hundredths-of-contract × µ$ × µ$ → cents: 100 hundredths, 10^12 µ$², 100 cents per dollar. */
    private static final BigInteger TO_CENTS = BigInteger.TEN.pow(12);
    public static final FeeRate ZERO = new FeeRate(BigDecimal.ZERO);

    public FeeRate {
        if (rate.signum() < 0) {
            throw new IllegalArgumentException("negative fee rate " + rate);
        }
        rate = rate.stripTrailingZeros();
    }

    public static FeeRate of(String rate) {
        try {
            return new FeeRate(new BigDecimal(rate.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("fee rate is not a decimal number: '" + rate + "'", e);
        }
    }

    /** Fee in micro-dollars (a whole number of cents) for {@code count} hundredths at {@code priceMicros}. */
    public long feeMicros(long priceMicros, long count) {
        if (rate.signum() == 0 || count == 0) {
            return 0;
        }
        // cents = rate × (count/100) × (p/10^6) × ((10^6 − p)/10^6) × 100
        BigInteger numerator = rate.unscaledValue()
                .multiply(BigInteger.valueOf(count))
                .multiply(BigInteger.valueOf(priceMicros))
                .multiply(MICROS_PER_DOLLAR.subtract(BigInteger.valueOf(priceMicros)));
        BigInteger denominator = TO_CENTS;
        int scale = rate.scale();
        if (scale >= 0) {
            denominator = denominator.multiply(BigInteger.TEN.pow(scale));
        } else {
            numerator = numerator.multiply(BigInteger.TEN.pow(-scale));
        }
        BigInteger cents = new BigDecimal(numerator).divide(new BigDecimal(denominator), 0, RoundingMode.CEILING)
                .toBigIntegerExact();
        return cents.longValueExact() * 10_000L;
    }

    @Override
    public String toString() {
        return rate.toPlainString();
    }
}
