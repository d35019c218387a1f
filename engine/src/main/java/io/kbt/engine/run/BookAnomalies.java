package io.kbt.engine.run;

import java.util.ArrayList;
import java.util.List;

/**
 * Data problems met while replaying: levels clamped at zero, crossed books seen, deltas skipped after a gap,
 * crossing fills of our resting orders skipped because the data's own book was crossed, and the markets that had
 * no trade at all (their resting orders can only fill when the data crosses them).
 */
public record BookAnomalies(
        long clampedLevels,
        long crossedBooks,
        long skippedEvents,
        long crossedFillsSkipped,
        List<String> marketsWithoutTrades) {
    public BookAnomalies {
        marketsWithoutTrades = List.copyOf(marketsWithoutTrades);
    }

    public BookAnomalies(long clampedLevels, long crossedBooks, long skippedEvents) {
        this(clampedLevels, crossedBooks, skippedEvents, 0, List.of());
    }

    /** One sentence per problem a user should know before trusting the figures; empty when there is none. */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        if (!marketsWithoutTrades.isEmpty()) {
            int n = marketsWithoutTrades.size();
            warnings.add(n + (n == 1 ? " market had" : " markets had") + " no trades at all ("
                    + String.join(", ", marketsWithoutTrades.subList(0, Math.min(n, 5))) + (n > 5 ? ", …" : "")
                    + "): resting orders there fill only when the book data crosses them, never by trades");
        }
        if (crossedBooks > 0) {
            warnings.add("the book data was crossed " + crossedBooks + (crossedBooks == 1 ? " time" : " times")
                    + "; " + crossedFillsSkipped + (crossedFillsSkipped == 1 ? " crossing fill" : " crossing fills")
                    + " of our resting orders skipped while it was");
        }
        if (clampedLevels > 0) {
            warnings.add(clampedLevels + " book deltas would have taken a level below zero (clamped)");
        }
        return warnings;
    }
}
