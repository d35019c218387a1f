package io.kbt.feeds;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counters and warnings of one read: events by kind, frames skipped by type, and anything worth telling. */
public final class FeedStats {
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    public void increment(String kind) {
        counts.merge(kind, 1L, Long::sum);
    }

    public void warn(String warning) {
        warnings.add(warning);
    }

    /** Counts by kind in first-seen order, e.g. snapshot, delta, trade, index, skipped:ok. */
    public Map<String, Long> counts() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    public long count(String kind) {
        return counts.getOrDefault(kind, 0L);
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }
}
