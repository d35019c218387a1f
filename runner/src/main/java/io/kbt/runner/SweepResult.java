package io.kbt.runner;

import io.kbt.engine.market.Instruments;
import io.kbt.engine.market.Selection;
import io.kbt.runner.SweepRunner.Outcome;
import java.util.List;
import java.util.Map;

/**
 * One finished sweep: the base strategy and swept keys, every parameter set's outcome in grid order, the data
 * it ran on (loaded once), how long all sets took on how many threads, and the label its runs were stored under
 * ({@code null} when not stored).
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
        long elapsedMs,
        int threads,
        String storedAs) {
    public SweepResult {
        keys = List.copyOf(keys);
        outcomes = List.copyOf(outcomes);
    }
}
