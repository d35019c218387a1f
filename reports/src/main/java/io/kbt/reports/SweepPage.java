package io.kbt.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What {@code sweep.html} shows, as plain values: the days, each set's daily P&amp;L and statistics, the sets to
 * chart, the overfitting figures, the walk-forward's out-of-sample P&amp;L and the PBO logits. Money in
 * micro-dollars; {@code statistics} and {@code overfitting} are JSON-ready maps (as in {@code sweep.json}).
 */
public record SweepPage(
        String title,
        List<LocalDate> days,
        List<SetLine> sets,
        List<Integer> topSets,
        Map<String, Object> overfitting,
        double[] pboLogits,
        List<LocalDate> outOfSampleDays,
        long[] outOfSampleMicros,
        List<Map<String, Object>> walkForwardWindows,
        List<String> notes) {

    /** One parameter set: its values, its P&amp;L per day and its statistics. */
    public record SetLine(Map<String, String> params, long[] dailyMicros, Map<String, Object> statistics) {}

    public SweepPage {
        days = List.copyOf(days);
        sets = List.copyOf(sets);
        topSets = List.copyOf(topSets);
        overfitting = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(overfitting));
        pboLogits = pboLogits.clone();
        outOfSampleDays = List.copyOf(outOfSampleDays);
        outOfSampleMicros = outOfSampleMicros.clone();
        walkForwardWindows = List.copyOf(walkForwardWindows);
        notes = List.copyOf(notes);
    }
}
