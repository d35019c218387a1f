package io.kbt.reports;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Formats UTC epoch microseconds as ISO-8601 with a fixed six-digit fraction ({@code 2023-04-10T13:31:02.651062Z}).
 * Rows of a time series come many per second, so the date-time part of the last second is reused.
 */
final class UtcTimeFormat {
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private long cachedSecond = Long.MIN_VALUE;
    private String cachedPrefix = "";

    String format(long epochMicros) {
        long second = Math.floorDiv(epochMicros, 1_000_000L);
        int fraction = (int) Math.floorMod(epochMicros, 1_000_000L);
        if (second != cachedSecond) {
            cachedSecond = second;
            cachedPrefix = SECONDS.format(Instant.ofEpochSecond(second));
        }
        StringBuilder out = new StringBuilder(27).append(cachedPrefix).append('.');
        String digits = Integer.toString(fraction);
        out.append("000000", 0, 6 - digits.length()).append(digits).append('Z');
        return out.toString();
    }
}
