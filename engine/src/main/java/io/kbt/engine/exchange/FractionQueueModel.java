package io.kbt.engine.exchange;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Each trade at our price gives us {@code fraction} of its count (rounded down to a hundredth of a contract),
 * whatever was displayed: for books built from candles, where the queue ahead of us is unknowable. 1 is
 * {@code optimistic}; smaller fractions say "we were one of several makers at that price".
 */
public final class FractionQueueModel implements QueueModel {
    private final BigDecimal fraction;

    public FractionQueueModel(BigDecimal fraction) {
        if (fraction.signum() <= 0 || fraction.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("fraction must be in (0, 1], was " + fraction.toPlainString());
        }
        this.fraction = fraction;
    }

    @Override
    public String name() {
        return "fraction:f=" + fraction.stripTrailingZeros().toPlainString();
    }

    @Override
    public long aheadOnJoin(long displayed) {
        return 0;
    }

    @Override
    public long onTrade(RestingOrder order, long count) {
        return BigDecimal.valueOf(count).multiply(fraction).setScale(0, RoundingMode.DOWN).longValueExact();
    }

    @Override
    public void onDepthChange(RestingOrder order, long before, long after, long traded) {
        order.ahead = 0;
    }
}
