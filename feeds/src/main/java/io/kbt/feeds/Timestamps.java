package io.kbt.feeds;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Timestamps of the feeds as UTC epoch microseconds: RFC 3339 / ISO-8601 with a zone ({@code Z} or an offset;
 * {@code T} or a space between date and time; any number of fraction digits, truncated to microseconds), and
 * epoch numbers whose unit (s, ms, µs) follows from their magnitude.
 */
final class Timestamps {
    private static final long MICROS_PER_DAY = 86_400_000_000L;
    /** Kalshi's data cannot be older than this year (the exchange opened in 2021). */
    static final int KALSHI_FIRST_YEAR = 2015;
    /** Index histories may reach further back, e.g. to fit a model on decades of closes. */
    static final int INDEX_FIRST_YEAR = 1990;
    /** No data of any kind is dated this year or later. */
    static final int END_YEAR = 2100;

    private Timestamps() {}

    /** Parses an ISO-8601 date-time with zone; throws {@link DateTimeException} on anything else. */
    static long isoMicros(CharSequence text) {
        int n = text.length();
        if (n < 20 || text.charAt(4) != '-' || text.charAt(7) != '-'
                || (text.charAt(10) != 'T' && text.charAt(10) != ' ' && text.charAt(10) != 't')
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            throw new DateTimeException("not an ISO-8601 date-time with zone: \"" + text + "\"");
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (hour > 23 || minute > 59 || second > 59) {
            throw new DateTimeException("time out of range: \"" + text + "\"");
        }
        int i = 19;
        long micros = 0;
        if (i < n && (text.charAt(i) == '.' || text.charAt(i) == ',')) {
            i++;
            int fractionDigits = 0;
            while (i < n && Character.isDigit(text.charAt(i))) {
                if (fractionDigits < 6) {
                    micros = micros * 10 + (text.charAt(i) - '0');
                }
                fractionDigits++;
                i++;
            }
            if (fractionDigits == 0) {
                throw new DateTimeException("empty fraction of a second: \"" + text + "\"");
            }
            for (int d = Math.min(fractionDigits, 6); d < 6; d++) {
                micros *= 10;
            }
        }
        long offsetSeconds = offsetSeconds(text, i);
        long epochDay = epochDay(year, month, day);
        return epochDay * MICROS_PER_DAY + ((hour * 60L + minute) * 60 + second - offsetSeconds) * 1_000_000 + micros;
    }

    /**
     * Days since 1970-01-01 of a date: by arithmetic for days 1 to 28 of months 1 to 12, which every year has (this
     * runs for every event read), else by {@link LocalDate}, which also rejects what is no date.
     */
    static long epochDay(int year, int month, int day) {
        if (month < 1 || month > 12 || day < 1 || day > 28) {
            return LocalDate.of(year, month, day).toEpochDay();
        }
        // Days from civil (H. Hinnant): years start in March so the leap day comes last.
        long y = month <= 2 ? year - 1L : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    private static long offsetSeconds(CharSequence text, int i) {
        int n = text.length();
        if (i == n - 1 && (text.charAt(i) == 'Z' || text.charAt(i) == 'z')) {
            return 0;
        }
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            int sign = text.charAt(i) == '-' ? -1 : 1;
            int rest = n - i - 1;
            int hours;
            int minutes = 0;
            if (rest == 2) {
                hours = digits(text, i + 1, 2);
            } else if (rest == 4) {
                hours = digits(text, i + 1, 2);
                minutes = digits(text, i + 3, 2);
            } else if (rest == 5 && text.charAt(i + 3) == ':') {
                hours = digits(text, i + 1, 2);
                minutes = digits(text, i + 4, 2);
            } else {
                throw new DateTimeException("bad zone offset: \"" + text + "\"");
            }
            if (hours > 18 || minutes > 59) {
                throw new DateTimeException("bad zone offset: \"" + text + "\"");
            }
            return sign * (hours * 3600L + minutes * 60L);
        }
        throw new DateTimeException("no zone (Z or an offset) in \"" + text + "\"");
    }

    private static int digits(CharSequence text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new DateTimeException("not an ISO-8601 date-time with zone: \"" + text + "\"");
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * {@code micros} when it falls in [{@code firstYear}, {@link #END_YEAR}); else a {@link DateTimeException}
     * saying so (a time far beyond is usually epoch nanoseconds given as microseconds).
     */
    static long inRange(long micros, int firstYear) {
        long from = epochDay(firstYear, 1, 1) * MICROS_PER_DAY;
        long to = epochDay(END_YEAR, 1, 1) * MICROS_PER_DAY;
        if (micros < from) {
            throw new DateTimeException("time " + micros + " µs since 1970 is before " + firstYear);
        }
        if (micros >= to) {
            throw new DateTimeException("time " + micros + " µs since 1970 is in " + END_YEAR + " or later"
                    + (micros >= to * 100 ? " (epoch nanoseconds given as microseconds?)" : ""));
        }
        return micros;
    }

    /** Epoch seconds, milliseconds or microseconds (by magnitude: below 1e11 s, below 1e14 ms, else µs). */
    static long epochMicros(long value) {
        long magnitude = Math.abs(value);
        if (magnitude < 100_000_000_000L) {
            return value * 1_000_000;
        }
        if (magnitude < 100_000_000_000_000L) {
            return value * 1_000;
        }
        return value;
    }
}
