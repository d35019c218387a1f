package io.kbt.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The x axis of a chart: New York time, from the whole hour at or before the first point to the whole hour at or
 * after the last. Series break (a {@code NaN} point) wherever the New York date changes, so a multi-day run never draws a
 * line across a night.
 */
final class TimeAxis {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final long startMicros;
    private final long endMicros;
    private final boolean multiDay;

    private TimeAxis(long startMicros, long endMicros, boolean multiDay) {
        this.startMicros = startMicros;
        this.endMicros = endMicros;
        this.multiDay = multiDay;
    }

    /** An axis covering every point of {@code series}; empty when they hold no point. */
    static TimeAxis covering(List<SeriesBuffer.Points> series) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (SeriesBuffer.Points points : series) {
            if (points.size() > 0) {
                first = Math.min(first, points.ts()[0]);
                last = Math.max(last, points.ts()[points.size() - 1]);
            }
        }
        if (first > last) {
            return new TimeAxis(0, 0, false);
        }
        ZonedDateTime start = ny(first).truncatedTo(ChronoUnit.HOURS);
        ZonedDateTime end = ny(last).truncatedTo(ChronoUnit.HOURS);
        if (end.isBefore(ny(last)) || !end.isAfter(start)) {
            end = end.plusHours(1);
        }
        return new TimeAxis(micros(start), micros(end), !dateOf(first).equals(dateOf(last)));
    }

    boolean isEmpty() {
        return startMicros == endMicros;
    }

    /** The New York date(s) the axis spans: "2023-04-10" or "2023-04-10 – 2023-04-11". */
    String dates() {
        LocalDate first = dateOf(startMicros);
        LocalDate last = dateOf(endMicros - 1);
        return first.equals(last) ? first.toString() : first + " – " + last;
    }

    boolean multiDay() {
        return multiDay;
    }

    /** Axis minimum for XChart's date axis (epoch milliseconds). */
    double min() {
        return startMicros / 1000.0;
    }

    /** Axis maximum for XChart's date axis (epoch milliseconds). */
    double max() {
        return endMicros / 1000.0;
    }

    Date startDate() {
        return new Date(startMicros / 1000);
    }

    Date endDate() {
        return new Date(endMicros / 1000);
    }

    /** Tick label pattern: clock time, with the date when the axis spans days. */
    String datePattern() {
        return multiDay ? "MM-dd HH:mm" : "HH:mm";
    }

    /** The x (dates) and y of {@code points} scaled by {@code scale}, with a {@code NaN} break at each new date. */
    Xy xy(SeriesBuffer.Points points, double scale) {
        int n = points.size();
        List<Date> xs = new ArrayList<>(n + 8);
        List<Double> ys = new ArrayList<>(n + 8);
        long nextMidnight = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            long ts = points.ts()[i];
            if (ts >= nextMidnight) {
                if (i > 0) {
                    xs.add(new Date(points.ts()[i - 1] / 1000));
                    ys.add(Double.NaN);
                }
                nextMidnight = micros(dateOf(ts).plusDays(1).atStartOfDay(NEW_YORK));
            }
            xs.add(new Date(ts / 1000));
            ys.add(points.values()[i] * scale);
        }
        return new Xy(xs, ys);
    }

    /** A series' points ready for XChart. */
    record Xy(List<Date> xs, List<Double> ys) {
        boolean hasValue() {
            for (Double y : ys) {
                if (!y.isNaN()) {
                    return true;
                }
            }
            return false;
        }
    }

    static LocalDate dateOf(long ts) {
        return ny(ts).toLocalDate();
    }

    private static ZonedDateTime ny(long ts) {
        return Instant.ofEpochSecond(Math.floorDiv(ts, 1_000_000L), Math.floorMod(ts, 1_000_000L) * 1_000L)
                .atZone(NEW_YORK);
    }

    private static long micros(ZonedDateTime time) {
        Instant instant = time.toInstant();
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }
}
