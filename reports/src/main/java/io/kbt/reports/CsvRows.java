package io.kbt.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A CSV file written row by row as a run goes (RFC 4180 quoting, {@code \n} line ends, UTF-8), so long runs never
 * hold their rows in memory. I/O errors surface unchecked with the file name.
 *
 * <p>Rows come either whole ({@link #write}) or field by field ({@link #text}, {@link #time}, {@link #cents},
 * {@link #contracts}, {@link #fair}, then {@link #end}). The typed fields write the characters of their
 * {@link Decimals} or {@code BigDecimal} rendering straight into the byte buffer: a backtest writes one row per
 * sample, and formatting them through {@code BigDecimal}s and {@code String}s was most of its main thread's time.
 */
final class CsvRows implements AutoCloseable {
    private static final int BUFFER = 1 << 16;
    /** Longest typed field: a signed long with a decimal point, or a time. */
    private static final int MAX_FIELD = 32;
    private static final long SCALE_4 = 10_000;
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Path file;
    private final OutputStream out;
    private final int columns;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private int field;
    private long rows;
    private long cachedSecond = Long.MIN_VALUE;
    private byte[] cachedPrefix;

    CsvRows(Path file, String... header) {
        this.file = file;
        this.columns = header.length;
        try {
            this.out = Files.newOutputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
        write((Object[]) header);
        rows = 0;
    }

    /** Writes one row; {@code null} fields are empty. */
    void write(Object... fields) {
        if (fields.length != columns) {
            throw new IllegalArgumentException(file + ": row of " + fields.length + " fields, header has " + columns);
        }
        for (Object f : fields) {
            text(f == null ? null : f.toString());
        }
        end();
    }

    /** The next field as text, quoted when it holds a comma, quote or line end; {@code null} is empty. */
    CsvRows text(String value) {
        separator();
        if (value != null) {
            String quoted = quoted(value);
            int n = quoted.length();
            if (n <= MAX_FIELD && ascii(quoted)) {
                room(n);
                // Every char is below 0x80, so its low byte is its UTF-8 encoding.
                quoted.getBytes(0, n, buf, pos);
                pos += n;
            } else {
                bytes(quoted.getBytes(StandardCharsets.UTF_8));
            }
        }
        return this;
    }

    /**
     * The next field as UTC epoch microseconds in ISO-8601 with a fixed six-digit fraction
     * ({@code 2023-04-10T13:31:02.651062Z}). Rows come many per second, so the date-time of the last second is
     * reused.
     */
    CsvRows time(long epochMicros) {
        separator();
        long second = Math.floorDiv(epochMicros, 1_000_000L);
        int fraction = (int) Math.floorMod(epochMicros, 1_000_000L);
        if (second != cachedSecond) {
            cachedSecond = second;
            cachedPrefix = SECONDS.format(Instant.ofEpochSecond(second)).getBytes(StandardCharsets.US_ASCII);
        }
        room(MAX_FIELD);
        System.arraycopy(cachedPrefix, 0, buf, pos, cachedPrefix.length);
        pos += cachedPrefix.length;
        buf[pos++] = '.';
        for (int i = 5; i >= 0; i--) {
            buf[pos + i] = (byte) ('0' + fraction % 10);
            fraction /= 10;
        }
        pos += 6;
        buf[pos++] = 'Z';
        return this;
    }

    /** The next field as {@link Decimals#cents} of {@code micros} prints it (scale 4, trailing zeros dropped). */
    CsvRows cents(long micros) {
        separator();
        unscaled(micros, 4, true);
        return this;
    }

    /** The next field as {@link Decimals#contracts} of {@code hundredths} prints it (exactly two decimals). */
    CsvRows contracts(long hundredths) {
        separator();
        unscaled(hundredths, 2, false);
        return this;
    }

    /**
     * The next field as {@code BigDecimal.valueOf(cents).setScale(4, HALF_EVEN)} prints it with trailing zeros
     * dropped; empty for NaN and infinities.
     */
    CsvRows fair(double cents) {
        if (!Double.isFinite(cents)) {
            return text(null);
        }
        long tenThousandths = fairUnscaled(cents);
        if (tenThousandths == Long.MIN_VALUE) {
            BigDecimal value = BigDecimal.valueOf(cents).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros();
            return text((value.scale() < 0 ? value.setScale(0) : value).toString());
        }
        return cents(tenThousandths);
    }

    /** Ends the row; throws when it has not as many fields as the header. */
    void end() {
        if (field != columns) {
            int fields = field;
            field = 0;
            throw new IllegalArgumentException(file + ": row of " + fields + " fields, header has " + columns);
        }
        field = 0;
        room(1);
        buf[pos++] = '\n';
        rows++;
    }

    long rows() {
        return rows;
    }

    /**
     * {@code cents} rounded half-even to 4 decimals as a count of ten-thousandths, rounding the shortest decimal
     * that names the double ({@link Double#toString}) as {@code BigDecimal.valueOf} does; {@link Long#MIN_VALUE}
     * when that decimal is in E notation (below 10⁻³ or from 10⁷ in magnitude), which the caller leaves to
     * {@code BigDecimal}.
     */
    static long fairUnscaled(double cents) {
        String s = Double.toString(cents);
        int n = s.length();
        int i = 0;
        boolean negative = s.charAt(0) == '-';
        if (negative) {
            i++;
        }
        long unscaled = 0;
        int fractionDigits = -1;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                fractionDigits = 0;
            } else if (c < '0' || c > '9') {
                return Long.MIN_VALUE;
            } else if (fractionDigits < 4) {
                unscaled = unscaled * 10 + (c - '0');
                if (fractionDigits >= 0) {
                    fractionDigits++;
                }
            } else {
                // The first dropped digit decides, a 5 with nothing after it rounds to even.
                boolean up = c > '5' || (c == '5' && (anyNonZero(s, i + 1) || (unscaled & 1) == 1));
                if (up) {
                    unscaled++;
                }
                break;
            }
        }
        if (fractionDigits < 0) {
            return Long.MIN_VALUE;
        }
        for (; fractionDigits < 4; fractionDigits++) {
            unscaled *= 10;
        }
        return negative ? -unscaled : unscaled;
    }

    private static boolean anyNonZero(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) != '0') {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code unscaled} × 10^−{@code scale} in plain notation, as {@code BigDecimal.toString} prints it (with
     * {@code strip}: trailing fraction zeros and a bare point dropped, zero as {@code 0}).
     */
    private void unscaled(long unscaled, int scale, boolean strip) {
        if (unscaled == Long.MIN_VALUE) {
            // No magnitude as a long; never a real amount, but printed all the same.
            bytes((strip ? Decimals.cents(unscaled) : Decimals.contracts(unscaled)).toString()
                    .getBytes(StandardCharsets.US_ASCII));
            return;
        }
        room(MAX_FIELD);
        long magnitude = Math.abs(unscaled);
        long power = scale == 4 ? SCALE_4 : 100;
        long whole = magnitude / power;
        long fraction = magnitude % power;
        int digits = scale;
        if (strip) {
            while (digits > 0 && fraction % 10 == 0) {
                fraction /= 10;
                digits--;
            }
        }
        if (unscaled < 0) {
            buf[pos++] = '-';
        }
        int len = 1;
        for (long rest = whole / 10; rest > 0; rest /= 10) {
            len++;
        }
        for (int i = len - 1; i >= 0; i--) {
            buf[pos + i] = (byte) ('0' + whole % 10);
            whole /= 10;
        }
        pos += len;
        if (digits > 0) {
            buf[pos++] = '.';
            for (int i = digits - 1; i >= 0; i--) {
                buf[pos + i] = (byte) ('0' + fraction % 10);
                fraction /= 10;
            }
            pos += digits;
        }
    }

    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private void separator() {
        if (field++ > 0) {
            room(1);
            buf[pos++] = ',';
        }
    }

    private void bytes(byte[] bytes) {
        if (bytes.length > buf.length - pos) {
            flush();
            if (bytes.length > buf.length) {
                try {
                    out.write(bytes);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + file, e);
                }
                return;
            }
        }
        System.arraycopy(bytes, 0, buf, pos, bytes.length);
        pos += bytes.length;
    }

    private void room(int bytes) {
        if (buf.length - pos < bytes) {
            flush();
        }
    }

    private void flush() {
        try {
            out.write(buf, 0, pos);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        pos = 0;
    }

    private static String quoted(String field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return '"' + field.replace("\"", "\"\"") + '"';
            }
        }
        return field;
    }

    @Override
    public void close() {
        try (out) {
            flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }
}
