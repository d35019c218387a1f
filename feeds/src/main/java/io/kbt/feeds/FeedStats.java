package io.kbt.feeds;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counters and warnings of one read: events by kind, frames skipped by type, and anything worth telling. */
public final class FeedStats {
    /** One mutable cell per kind: counting does not box a Long per event. */
    private final Map<String, long[]> counts = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    public void increment(String kind) {
        counts.computeIfAbsent(kind, k -> new long[1])[0]++;
    }

    public void warn(String warning) {
        warnings.add(warning);
    }

    /** Counts by kind in first-seen order, e.g. snapshot, delta, trade, index, skipped:ok. */
    public Map<String, Long> counts() {
        Map<String, Long> copy = new LinkedHashMap<>();
        counts.forEach((kind, cell) -> copy.put(kind, cell[0]));
        return Collections.unmodifiableMap(copy);
    }

    public long count(String kind) {
        long[] cell = counts.get(kind);
        return cell == null ? 0 : cell[0];
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }
}
