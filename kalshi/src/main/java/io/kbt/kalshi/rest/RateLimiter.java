package io.kbt.kalshi.rest;

/**
 * At most {@code rate} requests in any one-second window (for a rate below one, one request per 1/rate seconds),
 * counted the way the server counts them: a request leaves only when the one {@code rate} requests before it was
 * <em>answered</em> more than a second ago. The server saw that earlier request before answering it, so however
 * late it saw it, the two are more than a second apart on the server's clock too. Time spent storing data between
 * requests is made up by the next requests, yet no second ever holds more than {@code rate} requests (a token
 * bucket of depth {@code rate} would allow twice that right after a pause). Requests are sent one at a time.
 */
public final class RateLimiter {
    private final double ratePerSecond;
    private final long windowNanos;
    private final long[] answered;
    private int next;
    private int count;

    public RateLimiter(double ratePerSecond) {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive, was " + ratePerSecond);
        }
        this.ratePerSecond = ratePerSecond;
        int perWindow = ratePerSecond >= 1 ? (int) Math.floor(ratePerSecond) : 1;
        this.windowNanos = ratePerSecond >= 1 ? 1_000_000_000L : Math.round(1e9 / ratePerSecond);
        this.answered = new long[perWindow];
    }

    public double ratePerSecond() {
        return ratePerSecond;
    }

    /** Blocks until the next request may leave. */
    public synchronized void acquire() throws InterruptedException {
        if (count < answered.length) {
            return;
        }
        // answered[next] is when the request `rate` requests back was answered
        long wait = answered[next] + windowNanos - System.nanoTime();
        while (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            wait = answered[next] + windowNanos - System.nanoTime();
        }
    }

    /** The request that {@link #acquire} let go was answered (or failed) now. */
    public synchronized void answered() {
        answered[next] = System.nanoTime();
        next = (next + 1) % answered.length;
        count = Math.min(count + 1, answered.length);
    }
}
