package io.kbt.db.imports;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.SortedSet;
import java.util.TreeSet;

/** The UTC months a table's rows fall in, i.e. the partitions an import needs; cheap to feed every row. */
final class MonthSet {
    private static final long MICROS_PER_DAY = 86_400_000_000L;
    private final SortedSet<LocalDate> months = new TreeSet<>();
    private long lo = 1;
    private long hi = 0;

    void add(long epochMicros) {
        if (epochMicros >= lo && epochMicros < hi) {
            return;
        }
        LocalDate month = LocalDate.ofEpochDay(Math.floorDiv(epochMicros, MICROS_PER_DAY)).withDayOfMonth(1);
        months.add(month);
        lo = month.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000L;
        hi = month.plusMonths(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000L;
    }

    /** First days of the months seen. */
    SortedSet<LocalDate> months() {
        return months;
    }
}
