package io.kbt.spark;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The shards an executor JVM holds for its running tasks. Tasks that run sets of the same shard at the same time
 * (one per core, as {@link SparkSweep#tasks} lays them out) share one load and one tape, as the local sweep's
 * workers do, instead of each reading the shard and replaying its own copy: two tapes streaming through the caches
 * of one machine cost about a fifth more CPU per cell than one. A shard is dropped when the last task using it
 * ends.
 *
 * <p>Tasks come in shard order and every executor gets blocks of every shard, so while its tasks replay one shard
 * an executor reads the next on a thread of its own, as the local sweep's calling thread does: no task slot waits
 * for a shard's load but the first. It reads ahead only while it holds no other shard, so it holds at most two
 * (more only while its tasks straddle shards, one per running task); a shard read ahead that no task here used is
 * dropped once a task of a later shard starts.
 */
final class SharedShards {
    private static final Map<Key, Share<?>> SHARES = new HashMap<>();
    private static final ExecutorService AHEAD = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "kbt-shard-ahead");
        thread.setDaemon(true);
        return thread;
    });

    private SharedShards() {}

    /** Shard {@code shard} of sweep {@code sweep}, and how to read it. */
    record Load<D>(Object sweep, int shard, Supplier<D> read) {
        Key key() {
            return new Key(sweep, shard);
        }
    }

    private record Key(Object sweep, int shard) {}

    private static final class Share<D> {
        final CompletableFuture<D> data = new CompletableFuture<>();
        int users;

        void read(Supplier<D> read) {
            try {
                data.complete(read.get());
            } catch (RuntimeException | Error e) {
                data.completeExceptionally(e);
                throw e;
            }
        }
    }

    /**
     * Runs {@code use} on {@code shard}'s data: read in this thread when no running task holds it and it was not
     * read ahead, else the held copy once it is read. Once the data is there, {@code next} (null after the last
     * shard) is read ahead. A failed read fails every task waiting on it.
     */
    @SuppressWarnings("unchecked")
    static <D, R> R use(Load<D> shard, Load<D> next, Function<D, R> use) {
        Key key = shard.key();
        Share<D> share;
        boolean loader;
        synchronized (SHARES) {
            SHARES.entrySet().removeIf(e -> e.getValue().users == 0 && passed(e.getKey(), key));
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
                share.read(shard.read());
            }
            D data = loaded(share);
            if (next != null) {
                readAhead(next, key);
            }
            return use.apply(data);
        } finally {
            synchronized (SHARES) {
                if (--share.users == 0) {
                    SHARES.remove(key);
                }
            }
        }
    }

    /** How many running tasks use shard {@code shard} of {@code sweep} (0: not held, or only read ahead). */
    static int users(Object sweep, int shard) {
        synchronized (SHARES) {
            Share<?> share = SHARES.get(new Key(sweep, shard));
            return share == null ? 0 : share.users;
        }
    }

    /** Whether this JVM holds shard {@code shard} of {@code sweep}, in use, being read or read ahead. */
    static boolean held(Object sweep, int shard) {
        synchronized (SHARES) {
            return SHARES.containsKey(new Key(sweep, shard));
        }
    }

    /** An idle shard of another sweep, or of this sweep before the shard a task now starts, will not be used. */
    private static boolean passed(Key held, Key starting) {
        return !held.sweep().equals(starting.sweep()) || held.shard() < starting.shard();
    }

    private static <D> void readAhead(Load<D> next, Key current) {
        Share<D> share = new Share<>();
        synchronized (SHARES) {
            if (SHARES.size() != 1 || !SHARES.containsKey(current)) {
                return;
            }
            SHARES.put(next.key(), share);
        }
        AHEAD.execute(() -> {
            try {
                share.read(next.read());
            } catch (RuntimeException | Error e) {
                // Held in the share: the task that uses it fails with it.
            }
        });
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
