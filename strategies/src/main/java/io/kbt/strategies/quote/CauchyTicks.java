package io.kbt.strategies.quote;

import io.kbt.engine.market.Market;

/**
 * A Cauchy market's fair in whole ticks without an arctangent. Under Cauchy returns P(yes)·π is an angle θ in
 * (0, π) whose cotangent is rational in the strikes' standardised returns z = (x − x0)/γ: z_floor for a
 * "greater" market, −z_cap for a "less" one, (1 + z_floor·z_cap)/(z_cap − z_floor) for a range. The fair
 * rounds up past tick k − ½ exactly when that cotangent is at most cot(π(k + ½)/maxTicks), so a table of those
 * cotangents and a binary search give the rounded fair. Near a boundary (closer than the floating-point error
 * of either side could matter) it answers "unknown" and the caller takes the exact CDF, so the rounding is
 * always the one the exact value gives.
 */
final class CauchyTicks {
    /** A cotangent closer than this (relative to its size) to a boundary is too close to call. */
    private static final double TOLERANCE = 1e-9;

    private final double x0;
    private int tableTicks;
    private double[] table;
    private double slackUp;
    private double slackDown;

    CauchyTicks(double x0) {
        this.x0 = x0;
    }

    /**
     * The fair of {@code market} in ticks at index {@code level} and scale 1/{@code inverseGamma} (&gt; 0), or −1 when
     * too close to a rounding boundary to call; after an answer, {@link #slackUp} and {@link #slackDown} are its
     * distances in probability to the boundaries above and below, lower bounds. The search starts at
     * {@code near}, the market's last fair: the index rarely moves it by more than a tick or two.
     */
    long ticks(Market market, double level, double inverseGamma, int maxTicks, long near) {
        double cot = switch (market.strikeType()) {
            case GREATER, GREATER_OR_EQUAL -> (market.floorStrike() / level - 1.0 - x0) * inverseGamma;
            case LESS, LESS_OR_EQUAL -> -(market.capStrike() / level - 1.0 - x0) * inverseGamma;
            case BETWEEN -> {
                double a = (market.floorStrike() / level - 1.0 - x0) * inverseGamma;
                double b = (market.capStrike() / level - 1.0 - x0) * inverseGamma;
                yield b > a ? (1 + a * b) / (b - a) : Double.NaN;
            }
            case UNKNOWN -> Double.NaN;
        };
        if (!Double.isFinite(cot)) {
            return -1;
        }
        double[] boundaries = table(maxTicks);
        // boundaries fall from +∞ towards −∞: the fair is the number of them at or above cot
        int lo = (int) Math.min(Math.max(near, 0), boundaries.length);
        while (lo > 0 && boundaries[lo - 1] < cot) {
            lo--;
        }
        while (lo < boundaries.length && boundaries[lo] >= cot) {
            lo++;
        }
        // a lower cotangent is a higher probability: the next boundary down in cotangent is the next tick up
        slackUp = lo < boundaries.length ? distance(cot, boundaries[lo]) : Double.POSITIVE_INFINITY;
        slackDown = lo > 0 ? distance(cot, boundaries[lo - 1]) : Double.POSITIVE_INFINITY;
        return Math.min(slackUp, slackDown) > TOLERANCE ? lo : -1;
    }

    /** How far the probability of the last answer may rise before it rounds to the next tick, a lower bound. */
    double slackUp() {
        return slackUp;
    }

    /** How far the probability of the last answer may fall before it rounds to the tick below, a lower bound. */
    double slackDown() {
        return slackDown;
    }

    /**
     * A lower bound of |arccot(c) − arccot(t)|/π: the derivative of arccot is −1/(1 + u²), at most
     * 1/(1 + min(c², t²)) in size over [c, t] and at least 1/(1 + max(c², t²)).
     */
    private static double distance(double cot, double boundary) {
        double u = Math.max(cot * cot, boundary * boundary);
        return Math.abs(cot - boundary) / (1 + u) * (1 / Math.PI - 1e-12);
    }

    private double[] table(int maxTicks) {
        if (maxTicks != tableTicks) {
            table = new double[maxTicks];
            for (int k = 0; k < maxTicks; k++) {
                table[k] = 1 / Math.tan(Math.PI * (k + 0.5) / maxTicks);
            }
            tableTicks = maxTicks;
        }
        return table;
    }
}
