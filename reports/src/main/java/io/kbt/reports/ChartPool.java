package io.kbt.reports;

import io.kbt.engine.concurrent.Tasks;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes a report's charts (and its summary) side by side: each chart is its own image and file, drawn from series
 * the replay no longer touches, and most of its time is drawing and PNG encoding on one core, so a pool of one
 * thread per core finishes a report's files in about their sum divided by the cores instead of their sum.
 */
final class ChartPool {
    private ChartPool() {}

    /**
     * Runs every chart on at most {@code threads} threads and returns when all are written; the first failure (in
     * the charts' order) is thrown once the others have finished.
     */
    static void renderAll(List<Runnable> charts, int threads) {
        if (threads <= 1 || charts.size() <= 1) {
            charts.forEach(Runnable::run);
            return;
        }
        List<Future<?>> written = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, charts.size()),
                Thread.ofPlatform().name("kbt-chart-", 0).daemon().factory())) {
            for (Runnable chart : charts) {
                written.add(pool.submit(chart));
            }
        }
        for (Future<?> chart : written) {
            Tasks.result(chart, "writing the charts");
        }
    }

    /**
     * Starts Java2D's font and PNG machinery on a background thread (about 0.3 s of class loading and native font
     * set-up on the first chart of a JVM), so that it happens while the replay runs instead of before the charts.
     */
    static void warmUp() {
        Thread.ofPlatform().name("kbt-chart-warm-up").daemon().start(ChartStyle::warmUp);
    }
}
