package io.kbt.engine.exchange;

/**
 * hftbacktest's probabilistic queue model with the power function f(x) = x^n: when the displayed level at our
 * price shrinks by more than trades explain, the share of that cancellation that came from in front of us is
 * f(ahead) / (f(ahead) + f(behind)) (so a cancellation more likely came from
 * the bigger part of the queue, sharply so for large n) and the queue ahead moves by that expected value (deterministic, no random
 * draw; the result is floored to whole hundredths). Increases add behind us.
 */
public final class ProbQueueModel implements QueueModel {
    private final double n;

    public ProbQueueModel(double n) {
        if (!(n > 0) || Double.isInfinite(n)) {
            throw new IllegalArgumentException("prob queue model power n must be positive: " + n);
        }
        this.n = n;
    }

    public double n() {
        return n;
    }

    @Override
    public String name() {
        return "prob:n=" + (n == Math.rint(n) ? Long.toString((long) n) : Double.toString(n));
    }

    @Override
    public long aheadOnJoin(long displayed) {
        return displayed;
    }

    @Override
    public void onDepthChange(RestingOrder order, long before, long after, long traded) {
        long cancelled = before - after - traded;
        long ahead = order.ahead;
        if (cancelled > 0 && ahead > 0) {
            // What the trades took is gone from the level: first what stood ahead of us, then what stood behind.
            long behind = Math.max(0, before - traded - ahead);
            double fAhead = StrictMath.pow(ahead, n);
            double fBehind = StrictMath.pow(behind, n);
            double fromAhead = fAhead / (fAhead + fBehind) * cancelled;
            double fromBehind = cancelled - fromAhead;
            // Cancellations beyond what stood behind us must have come from ahead.
            double overflow = Math.max(0, fromBehind - behind);
            ahead -= (long) Math.floor(fromAhead + overflow);
        }
        order.ahead = Math.max(0, Math.min(ahead, after));
    }
}
