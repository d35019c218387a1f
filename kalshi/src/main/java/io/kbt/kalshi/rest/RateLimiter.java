package io.kbt.kalshi.rest;

/**
 * At most {@code rate} requests in any one-second window (for a rate below one, one request per 1/rate seconds):
 * a request leaves only when the one {@code rate} requests before it left more than a second ago. Unlike a
 * plain token bucket, time spent storing data between requests is made up by the next requests, yet no window
 * of one second ever holds more than {@code rate} requests (a token bucket of depth {@code rate} would allow twice
 * that right after a pause). Kalshi documents its limits as token buckets of that rate; kbt fetch's default stays
 * well under its basic tier.
 */
public final class RateLimiter {
    /**
     * Slack per window (5%: the limiter runs at most at 95% of the rate), so that delays on the way to the server
     * cannot squeeze one more request into a second as the server counts them.
     */
    private static final long SLACK_NANOS = 50_000_000;

    private final double ratePerSecond;
    private final long windowNanos;
    private final long[] sent;
    private int next;
    private int count;

    public RateLimiter(double ratePerSecond) {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive, was " + ratePerSecond);
        }
        this.ratePerSecond = ratePerSecond;
        int perWindow = ratePerSecond >= 1 ? (int) Math.floor(ratePerSecond) : 1;
        this.windowNanos = (ratePerSecond >= 1 ? 1_000_000_000L : Math.round(1e9 / ratePerSecond)) + SLACK_NANOS;
        this.sent = new long[perWindow];
    }

    public double ratePerSecond() {
        return ratePerSecond;
    }

    /** Blocks until a request may leave, and counts it as left. */
    public synchronized void acquire() throws InterruptedException {
        long now = System.nanoTime();
        if (count == sent.length) {
            // sent[next] is the oldest of the last `rate` requests
            long wait = sent[next] + windowNanos - now;
            while (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                now = System.nanoTime();
                wait = sent[next] + windowNanos - now;
            }
        } else {
            count++;
        }
        sent[next] = now;
        next = (next + 1) % sent.length;
    }
}
