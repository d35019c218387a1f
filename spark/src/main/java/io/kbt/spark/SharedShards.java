package io.kbt.spark;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The shards an executor JVM holds for its running tasks. Tasks that run sets of the same shard at the same time
 * (one per core, as {@link SparkSweep#tasks} lays them out) share one load and one tape, as the local sweep's
 * workers do, instead of each reading the shard and replaying its own copy: two tapes streaming through the caches
 * of one machine cost about a fifth more CPU per cell than one. A shard is dropped when the last task using it
 * ends, so an executor holds at most one shard per running task.
 */
final class SharedShards {
    private static final Map<Object, Share<?>> SHARES = new HashMap<>();

    private SharedShards() {}

    private static final class Share<D> {
        final CompletableFuture<D> data = new CompletableFuture<>();
        int users;
    }

    /**
     * Runs {@code use} on the data under {@code key}: loaded by {@code load} in this thread when no running task
     * holds it, else the running tasks' copy once it is loaded. A failed load fails every task waiting on it.
     */
    @SuppressWarnings("unchecked")
    static <D, R> R use(Object key, Supplier<D> load, Function<D, R> use) {
        Share<D> share;
        boolean loader;
        synchronized (SHARES) {
            share = (Share<D>) SHARES.get(key);
            loader = share == null;
            if (loader) {
                share = new Share<>();
                SHARES.put(key, share);
            }
            share.users++;
        }
        try {
            if (loader) {
                try {
                    share.data.complete(load.get());
                } catch (RuntimeException | Error e) {
                    share.data.completeExceptionally(e);
                    throw e;
                }
            }
            return use.apply(loaded(share));
        } finally {
            synchronized (SHARES) {
                if (--share.users == 0) {
                    SHARES.remove(key);
                }
            }
        }
    }

    /** How many running tasks use the data under {@code key} (0: this JVM does not hold it). */
    static int users(Object key) {
        synchronized (SHARES) {
            Share<?> share = SHARES.get(key);
            return share == null ? 0 : share.users;
        }
    }

    private static <D> D loaded(Share<D> share) {
        try {
            return share.data.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }
}
