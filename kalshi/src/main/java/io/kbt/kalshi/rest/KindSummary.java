package io.kbt.kalshi.rest;

import java.util.List;

/**
 * What one {@code kbt fetch} kind did: markets (or series) visited, of which already complete, rows Kalshi sent
 * and rows that were new to the store, and warnings.
 */
public record KindSummary(String kind, int visited, int alreadyComplete, long fetched, long added,
        List<String> warnings) {
    public KindSummary {
        warnings = List.copyOf(warnings);
    }

    public String line() {
        return String.format("%s: %d visited (%d already complete), %,d fetched, %,d new", kind, visited,
                alreadyComplete, fetched, added);
    }
}
