package io.kbt.engine.run;

/** Data problems met while replaying: levels clamped at zero, crossed books seen, deltas skipped after a gap. */
public record BookAnomalies(long clampedLevels, long crossedBooks, long skippedEvents) {}
