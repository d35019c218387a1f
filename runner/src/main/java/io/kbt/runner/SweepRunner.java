package io.kbt.runner;

import io.kbt.engine.run.Fill;
import io.kbt.engine.run.RunListener;
import io.kbt.engine.run.RunResult;
import io.kbt.strategies.StrategySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs every parameter set of a grid over the same loaded data on a fixed pool of threads. Each set gets a
 * fresh strategy; the data is shared read-only, so it is read and decoded only once for the whole sweep.
 */
public final class SweepRunner {
    /** One finished parameter set: the swept values, the figures and (when kept) the fills. */
    public record Outcome(Map<String, String> params, RunResult result, List<Fill> fills) {}

    /** Told after each finished set; called from worker threads. */
    public interface Progress {
        void finished(int done, int total);
    }

    private final Backtester backtester;
    private final int threads;
    private final boolean keepFills;

    /** {@code keepFills}: hold every set's fills for storing with the runs (otherwise only figures are kept). */
    public SweepRunner(Backtester backtester, int threads, boolean keepFills) {
        if (threads < 1) {
            throw new InvalidRunException("--threads must be at least 1");
        }
        this.backtester = backtester;
        this.threads = threads;
        this.keepFills = keepFills;
    }

    /** Runs {@code base.with(point)} for every point, returning outcomes in grid order. */
    public List<Outcome> run(StrategySpec base, List<Map<String, String>> points, Progress progress) {
        List<StrategySpec> specs = points.stream().map(base::with).toList();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "kbt-sweep");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Outcome>> futures = new ArrayList<>(specs.size());
            int[] done = {0};
            for (int i = 0; i < specs.size(); i++) {
                StrategySpec spec = specs.get(i);
                Map<String, String> point = points.get(i);
                futures.add(pool.submit(() -> {
                    FillCollector fills = new FillCollector();
                    RunResult result = backtester.run(spec, keepFills ? fills : RunListener.NONE);
                    synchronized (done) {
                        progress.finished(++done[0], specs.size());
                    }
                    return new Outcome(point, result, fills.fills());
                }));
            }
            List<Outcome> outcomes = new ArrayList<>(specs.size());
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
