package io.kbt.kalshi.rest;

import java.time.Duration;

/**
 * How often and how long to retry a request that failed for a reason that may pass: 429 (waiting what
 * {@code Retry-After} says when it says), 5xx, a dropped connection, a malformed body. Backoff doubles from
 * {@code firstBackoff} up to {@code maxBackoff}. Other 4xx are never retried.
 */
public record RetryPolicy(int maxAttempts, Duration firstBackoff, Duration maxBackoff, int malformedAttempts) {
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(8, Duration.ofMillis(500), Duration.ofSeconds(30), 3);

    public RetryPolicy {
        if (maxAttempts < 1 || malformedAttempts < 1) {
            throw new IllegalArgumentException("a request needs at least one attempt");
        }
    }

    /** The wait before attempt {@code attempt + 1} (1-based attempts). */
    public Duration backoff(int attempt) {
        long millis = firstBackoff.toMillis() << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
}
