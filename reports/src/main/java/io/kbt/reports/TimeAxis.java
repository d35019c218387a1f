package io.kbt.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * The x axis of a chart, in New York time. One day: from the whole hour at or before the first point to the whole
 * hour at or after the last, as dates. Several days: a compressed session axis, each day's span (whole hours
 * around its first and last point) placed right after the previous day's, so nights and weekends take no room;
 * x is then milliseconds of session time, labelled with the real time, and {@link #separators()} mark the day
 * boundaries. Series break (a {@code NaN} point) wherever the New York date changes, so no line crosses a night.
 */
final class TimeAxis {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** One day's span on the axis: real start and end (micros), and where it starts on the axis (ms). */
    private record Session(LocalDate date, long startMicros, long endMicros, double offsetMs) {}

    private final List<Session> sessions;
    private final boolean multiDay;

    private TimeAxis(List<Session> sessions) {
        this.sessions = List.copyOf(sessions);
        this.multiDay = sessions.size() > 1;
    }

    /** An axis covering every point of {@code series}; empty when they hold no point. */
    static TimeAxis covering(List<SeriesBuffer.Points> series) {
        TreeMap<LocalDate, long[]> days = new TreeMap<>();
        for (SeriesBuffer.Points points : series) {
            for (int i = 0; i < points.size(); i++) {
                long ts = points.ts()[i];
                long[] span = days.computeIfAbsent(dateOf(ts), d -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE});
                span[0] = Math.min(span[0], ts);
                span[1] = Math.max(span[1], ts);
            }
        }
        List<Session> sessions = new ArrayList<>();
        double offset = 0;
        for (var day : days.entrySet()) {
            long first = day.getValue()[0];
            long last = day.getValue()[1];
            ZonedDateTime start = ny(first).truncatedTo(ChronoUnit.HOURS);
            ZonedDateTime end = ny(last).truncatedTo(ChronoUnit.HOURS);
            if (end.isBefore(ny(last)) || !end.isAfter(start)) {
                end = end.plusHours(1);
            }
            Session session = new Session(day.getKey(), micros(start), micros(end), offset);
            sessions.add(session);
            offset += (session.endMicros() - session.startMicros()) / 1000.0;
        }
        return new TimeAxis(sessions);
    }

    boolean isEmpty() {
        return sessions.isEmpty();
    }

    /** The New York date(s) the axis spans: "2023-04-10" or "2023-04-10 – 2023-04-11". */
    String dates() {
        LocalDate first = sessions.get(0).date();
        LocalDate last = sessions.get(sessions.size() - 1).date();
        return first.equals(last) ? first.toString() : first + " – " + last;
    }

    boolean multiDay() {
        return multiDay;
    }

    /** Axis minimum: epoch milliseconds for one day, session milliseconds (0) for several. */
    double min() {
        return multiDay ? 0 : sessions.get(0).startMicros() / 1000.0;
    }

    /** Axis maximum, as {@link #min()}. */
    double max() {
        Session last = sessions.get(sessions.size() - 1);
        return multiDay ? last.offsetMs() + (last.endMicros() - last.startMicros()) / 1000.0 : last.endMicros() / 1000.0;
    }

    Date startDate() {
        return new Date(sessions.get(0).startMicros() / 1000);
    }

    Date endDate() {
        return new Date(sessions.get(sessions.size() - 1).endMicros() / 1000);
    }

    /** The axis' first and last x, as the chart's series take them. */
    List<Object> ends() {
        return multiDay ? List.of(min(), max()) : List.of(startDate(), endDate());
    }

    /** Where each day after the first begins on a compressed axis (none for one day). */
    List<Double> separators() {
        return sessions.stream().skip(1).map(Session::offsetMs).toList();
    }

    /** Tick label pattern: clock time, with the date when the axis spans days. */
    String datePattern() {
        return multiDay ? "MM-dd HH:mm" : "HH:mm";
    }

    /** The real New York time at session x of a compressed axis, as a tick label. */
    String label(double x) {
        Session at = sessions.get(0);
        for (Session session : sessions) {
            if (session.offsetMs() <= x) {
                at = session;
            }
        }
        long micros = at.startMicros() + Math.round((x - at.offsetMs()) * 1000);
        return LABEL.format(ny(micros));
    }

    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT);

    private Object x(long ts) {
        if (!multiDay) {
            return new Date(ts / 1000);
        }
        LocalDate date = dateOf(ts);
        Session at = sessions.get(0);
        for (Session session : sessions) {
            if (!session.date().isAfter(date)) {
                at = session;
            }
        }
        long clamped = Math.max(at.startMicros(), Math.min(at.endMicros(), ts));
        return at.offsetMs() + (clamped - at.startMicros()) / 1000.0;
    }

    /** The x and y of {@code points} scaled by {@code scale}, with a {@code NaN} break at each new date. */
    Xy xy(SeriesBuffer.Points points, double scale) {
        int n = points.size();
        List<Object> xs = new ArrayList<>(n + 8);
        List<Double> ys = new ArrayList<>(n + 8);
        long nextMidnight = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            long ts = points.ts()[i];
            if (ts >= nextMidnight) {
                if (i > 0) {
                    xs.add(x(points.ts()[i - 1]));
                    ys.add(Double.NaN);
                }
                nextMidnight = micros(dateOf(ts).plusDays(1).atStartOfDay(NEW_YORK));
            }
            xs.add(x(ts));
            ys.add(points.values()[i] * scale);
        }
        return new Xy(xs, ys);
    }

    /** A series' points ready for XChart. */
    record Xy(List<Object> xs, List<Double> ys) {
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
