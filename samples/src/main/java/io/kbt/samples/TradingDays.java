package io.kbt.samples;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** New York cash sessions, 09:30 to 16:00, on weekdays (exchange holidays are not skipped). */
final class TradingDays {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** Seconds from the open to the close; a session has one index tick more than this. */
    static final int SESSION_SECONDS = 23_400;
    private static final LocalTime OPEN = LocalTime.of(9, 30);

    private TradingDays() {}

    /** The first {@code count} weekdays on or after {@code start}. */
    static List<LocalDate> from(LocalDate start, int count) {
        List<LocalDate> days = new ArrayList<>(count);
        for (LocalDate day = start; days.size() < count; day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(day);
            }
        }
        return days;
    }

    /** UTC epoch microseconds of 09:30 New York on {@code day}. */
    static long openMicros(LocalDate day) {
        return day.atTime(OPEN).atZone(NEW_YORK).toInstant().getEpochSecond() * 1_000_000;
    }

    static long closeMicros(LocalDate day) {
        return openMicros(day) + SESSION_SECONDS * 1_000_000L;
    }
}
