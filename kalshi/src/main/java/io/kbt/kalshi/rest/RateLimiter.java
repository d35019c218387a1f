package io.kbt.kalshi.rest;

/**
 * A token bucket holding one token, refilled {@code ratePerSecond} times a second: requests leave at least
 * 1/rate apart, measured from when the previous one actually left, so no one-second window ever holds more than
 * {@code rate} requests (a deeper bucket would allow a burst of its depth on top). Kalshi documents its limits
 * as token buckets too; the default of kbt fetch stays well under its basic tier.
 */
public final class RateLimiter {
    /** A millisecond of slack per request, so that jitter on the way to the server cannot squeeze two together. */
    private static final long SLACK_NANOS = 1_000_000;

    private final double ratePerSecond;
    private final long intervalNanos;
    private long lastNanos;
    private boolean first = true;

    public RateLimiter(double ratePerSecond) {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive, was " + ratePerSecond);
        }
        this.ratePerSecond = ratePerSecond;
        this.intervalNanos = Math.round(1e9 / ratePerSecond) + SLACK_NANOS;
    }

    public double ratePerSecond() {
        return ratePerSecond;
    }

    /** Blocks until a request may leave, and counts it as left. */
    public synchronized void acquire() throws InterruptedException {
        long now = System.nanoTime();
        if (!first) {
            long wait = lastNanos + intervalNanos - now;
            while (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                now = System.nanoTime();
                wait = lastNanos + intervalNanos - now;
            }
        }
        first = false;
        lastNanos = now;
    }
}
