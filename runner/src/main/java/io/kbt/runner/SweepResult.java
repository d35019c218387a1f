package io.kbt.runner;

import io.kbt.engine.market.Instruments;
import io.kbt.engine.market.Selection;
import io.kbt.engine.run.Fill;
import io.kbt.engine.run.RunResult;
import io.kbt.runner.stats.SweepStatistics;
import io.kbt.runner.sweep.SweepMatrix;
import java.util.List;
import java.util.Map;

/**
 * One finished sweep: the base strategy and swept keys, every parameter set's outcome over the whole range in grid
 * order, the (set × shard) matrix behind them and its overfitting statistics, the data it ran on, how long the
 * cells took and where ({@code threads} local threads, or the Spark {@code master}; {@code null} when local),
 * notices about how the range was sharded, and the label its runs were stored under ({@code null} when not stored).
 */
public record SweepResult(
        String strategy,
        Map<String, String> baseParams,
        List<String> keys,
        Selection selection,
        Instruments instruments,
        String origin,
        long loadMs,
        long events,
        List<Outcome> outcomes,
        SweepMatrix matrix,
        SweepStatistics statistics,
        List<String> notices,
        long elapsedMs,
        int threads,
        String master,
        String storedAs) {
    /** One parameter set over the whole range: the swept values, the figures and (when kept) the fills. */
    public record Outcome(Map<String, String> params, RunResult result, List<Fill> fills) {}

    public SweepResult {
        keys = List.copyOf(keys);
        outcomes = List.copyOf(outcomes);
        notices = List.copyOf(notices);
    }
}
