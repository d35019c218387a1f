package io.kbt.kalshi.rest;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Stores fetched data on one background thread, in submission order, while the next requests go out: the rate
 * limit, not the database, sets the pace. At most {@code depth} pieces wait; {@link #drain} returns what they
 * added and rethrows the first failure. Checkpoints are written by the same tasks, after their data, so whatever is
 * stored when a fetch dies is consistent.
 */
final class StoreQueue implements AutoCloseable {
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kbt-fetch-store");
        t.setDaemon(true);
        return t;
    });
    private final Deque<Future<Long>> pending = new ArrayDeque<>();
    private final int depth;
    private long added;

    StoreQueue(int depth) {
        this.depth = depth;
    }

    void submit(Callable<Long> store) {
        while (pending.size() >= depth) {
            added += await(pending.removeFirst());
        }
        pending.addLast(thread.submit(store));
    }

    /** Waits for everything submitted; the rows it added. */
    long drain() {
        while (!pending.isEmpty()) {
            added += await(pending.removeFirst());
        }
        return added;
    }

    private static long await(Future<Long> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KalshiUnavailableException("interrupted while storing", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Lets what was submitted finish (it is valid data), then stops the thread. */
    @Override
    public void close() {
        for (Future<Long> f : pending) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException e) {
                // the first failure is reported by drain(); this one is a consequence or already reported
            }
        }
        thread.shutdown();
    }
}
