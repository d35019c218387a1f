package io.kbt.kalshi.rest;

import java.util.concurrent.atomic.AtomicLong;

/** What the HTTP client did: requests sent, and the retries by cause, for the summary at the end of a fetch. */
public final class FetchStats {
    final AtomicLong requests = new AtomicLong();
    final AtomicLong throttled = new AtomicLong();
    final AtomicLong serverErrors = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
    final AtomicLong malformed = new AtomicLong();

    public long requests() {
        return requests.get();
    }

    public long retries() {
        return throttled.get() + serverErrors.get() + dropped.get() + malformed.get();
    }

    @Override
    public String toString() {
        return String.format("%,d requests, %,d retried (429: %d, 5xx: %d, dropped: %d, malformed: %d)",
                requests(), retries(), throttled.get(), serverErrors.get(), dropped.get(), malformed.get());
    }
}
