package io.kbt.runner.sweep;

import io.kbt.engine.replay.ReplayConfig;
import io.kbt.engine.run.Fill;
import io.kbt.strategies.StrategySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a sweep's cells on local threads, shard after shard: while the workers replay one shard's cells, the
 * calling thread reads the next shard and queues its cells behind them, so no worker waits at a shard's end for
 * the last cell of that shard; it then waits for the earlier shard's cells before reading another. A shard's tape
 * is dropped once its cells are done, so at most two shards are in memory whatever the range.
 */
public final class LocalSweep {
    /** Told after each finished cell; called from worker threads. */
    public interface Progress {
        void finished(int done, int total);
    }

    private final int threads;
    private final ReplayConfig config;
    private final boolean keepFills;

    /** {@code keepFills}: keep every set's fills (to store the runs); otherwise figures only. */
    public LocalSweep(int threads, ReplayConfig config, boolean keepFills) {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1");
        }
        this.threads = threads;
        this.config = config;
        this.keepFills = keepFills;
    }

    /** A finished sweep: the matrix and, when kept, each set's fills in time order. */
    public record Outcome(SweepMatrix matrix, List<List<Fill>> fills, long loadMs) {}

    public Outcome run(ShardStream stream, List<Shard> shards, List<Map<String, String>> sets,
            List<StrategySpec> specs, Progress progress) {
        SweepMatrix matrix = new SweepMatrix(sets, shards);
        List<List<Fill>> fills = new ArrayList<>();
        specs.forEach(s -> fills.add(new ArrayList<>()));
        int total = specs.size() * shards.size();
        AtomicInteger done = new AtomicInteger();
        long loadMs = 0;
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "kbt-sweep");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<CellRun.Output>> running = List.of();
            while (stream.hasNext()) {
                ShardData data = stream.next();
                loadMs += data.loadMs();
                List<Future<CellRun.Output>> queued = submit(pool, data, specs, total, done, progress);
                collect(running, matrix, fills);
                running = queued;
            }
            collect(running, matrix, fills);
            return new Outcome(matrix, fills.stream().map(List::copyOf).toList(), loadMs);
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Future<CellRun.Output>> submit(ExecutorService pool, ShardData data, List<StrategySpec> specs,
            int total, AtomicInteger done, Progress progress) {
        List<Future<CellRun.Output>> futures = new ArrayList<>(specs.size());
        for (int set = 0; set < specs.size(); set++) {
            int s = set;
            futures.add(pool.submit(() -> {
                CellRun.Output output = CellRun.run(data, s, specs.get(s), config, keepFills);
                progress.finished(done.incrementAndGet(), total);
                return output;
            }));
        }
        return futures;
    }

    private static void collect(List<Future<CellRun.Output>> futures, SweepMatrix matrix, List<List<Fill>> fills) {
        try {
            for (Future<CellRun.Output> future : futures) {
                CellRun.Output output = future.get();
                matrix.put(output.result());
                fills.get(output.result().set()).addAll(output.fills());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
