package io.kbt.feeds.write;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;

/**
 * A byte buffer in front of an {@link OutputStream} with hand-written ASCII formatting of integers, fixed-point
 * numbers and RFC 3339 timestamps, so the writers format millions of frames without allocating and always
 * produce the same bytes for the same values.
 */
final class AsciiOut implements Closeable {
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private long cachedEpochDay = Long.MIN_VALUE;
    private final byte[] cachedDate = new byte[10];

    AsciiOut(OutputStream out) {
        this.out = out;
    }

    AsciiOut ascii(String s) {
        return bytes(asciiBytes(s));
    }

    /** The bytes of a printable ASCII string; anything else is refused, so no output ever needs escaping. */
    static byte[] asciiBytes(String s) {
        byte[] bytes = new byte[s.length()];
        for (int i = 0; i < bytes.length; i++) {
            char c = s.charAt(i);
            if (c > 0x7e || c < 0x20) {
                throw new IllegalArgumentException("not printable ASCII: " + s);
            }
            bytes[i] = (byte) c;
        }
        return bytes;
    }

    AsciiOut bytes(byte[] bytes) {
        if (bytes.length > buffer.length - position) {
            drain();
            if (bytes.length > buffer.length) {
                write(bytes);
                return this;
            }
        }
        System.arraycopy(bytes, 0, buffer, position, bytes.length);
        position += bytes.length;
        return this;
    }

    /** A JSON string: quotes around {@code s}, which must need no escaping (tickers, ids, enum names). */
    AsciiOut quoted(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                throw new IllegalArgumentException("string needs JSON escaping: " + s);
            }
        }
        return ch('"').ascii(s).ch('"');
    }

    AsciiOut ch(char c) {
        ensure(1);
        buffer[position++] = (byte) c;
        return this;
    }

    AsciiOut integer(long value) {
        ensure(20);
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                return ascii(Long.toString(value));
            }
            buffer[position++] = '-';
            value = -value;
        }
        int length = 1;
        for (long rest = value / 10; rest != 0; rest /= 10) {
            length++;
        }
        int at = position + length;
        if (value <= Integer.MAX_VALUE) {
            int small = (int) value;
            do {
                buffer[--at] = (byte) ('0' + small % 10);
                small /= 10;
            } while (small != 0);
        } else {
            do {
                buffer[--at] = (byte) ('0' + value % 10);
                value /= 10;
            } while (value != 0);
        }
        position += length;
        return this;
    }

    /** {@code unscaled / 10^decimals} with exactly {@code decimals} digits after the point (none when 0). */
    AsciiOut fixed(long unscaled, int decimals) {
        if (decimals == 0) {
            return integer(unscaled);
        }
        long scale = 1;
        for (int i = 0; i < decimals; i++) {
            scale *= 10;
        }
        if (unscaled < 0) {
            ch('-');
            unscaled = -unscaled;
        }
        integer(unscaled / scale).ch('.');
        return zeroPadded(unscaled % scale, decimals);
    }

    /** {@code epochMicros} as RFC 3339 UTC with microseconds, e.g. {@code 2026-07-01T02:37:00.577727Z}. */
    AsciiOut timestamp(long epochMicros) {
        long epochDay = Math.floorDiv(epochMicros, MICROS_PER_DAY);
        long ofDay = Math.floorMod(epochMicros, MICROS_PER_DAY);
        if (epochDay != cachedEpochDay) {
            String date = LocalDate.ofEpochDay(epochDay).toString();
            if (date.length() != 10) {
                throw new IllegalArgumentException("timestamp outside years 0000..9999: " + epochMicros);
            }
            for (int i = 0; i < 10; i++) {
                cachedDate[i] = (byte) date.charAt(i);
            }
            cachedEpochDay = epochDay;
        }
        ensure(27);
        byte[] b = buffer;
        int at = position;
        System.arraycopy(cachedDate, 0, b, at, 10);
        int seconds = (int) (ofDay / 1_000_000);
        int micros = (int) (ofDay % 1_000_000);
        b[at + 10] = 'T';
        twoDigits(at + 11, seconds / 3600);
        b[at + 13] = ':';
        twoDigits(at + 14, seconds / 60 % 60);
        b[at + 16] = ':';
        twoDigits(at + 17, seconds % 60);
        b[at + 19] = '.';
        for (int i = at + 25; i > at + 19; i--) {
            b[i] = (byte) ('0' + micros % 10);
            micros /= 10;
        }
        b[at + 26] = 'Z';
        position = at + 27;
        return this;
    }

    private void twoDigits(int at, int value) {
        buffer[at] = (byte) ('0' + value / 10);
        buffer[at + 1] = (byte) ('0' + value % 10);
    }

    /** Like {@link #timestamp} but without the fraction when it is zero, as Kalshi's REST times are written. */
    AsciiOut instant(long epochMicros) {
        if (Math.floorMod(epochMicros, 1_000_000L) != 0) {
            return timestamp(epochMicros);
        }
        timestamp(epochMicros);
        position -= 8;
        return ch('Z');
    }

    private AsciiOut zeroPadded(long value, int width) {
        ensure(width);
        for (int i = width - 1; i >= 0; i--) {
            buffer[position + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        position += width;
        return this;
    }

    AsciiOut newline() {
        return ch('\n');
    }

    private void ensure(int n) {
        if (position + n > buffer.length) {
            drain();
        }
    }

    private void write(byte[] bytes) {
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void drain() {
        try {
            out.write(buffer, 0, position);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        position = 0;
    }

    void flush() {
        drain();
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try (out) {
            drain();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
