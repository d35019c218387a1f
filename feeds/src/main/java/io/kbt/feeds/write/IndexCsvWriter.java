package io.kbt.feeds.write;

import java.io.Closeable;
import java.io.OutputStream;

/**
 * Writes index ticks as the {@code ts,price} CSV that {@code kbt import index} reads: ISO-8601 UTC with
 * microseconds and the level with a fixed number of decimals (2 for SPX), rounded to the nearest.
 */
public final class IndexCsvWriter implements Closeable {
    private final AsciiOut out;
    private final int decimals;
    private final double scale;
    private long ticks;

    /** A writer of 2-decimal levels. */
    public IndexCsvWriter(OutputStream out) {
        this(out, 2);
    }

    public IndexCsvWriter(OutputStream out, int decimals) {
        if (decimals < 0 || decimals > 8) {
            throw new IllegalArgumentException("decimals must be 0..8: " + decimals);
        }
        this.out = new AsciiOut(out);
        this.decimals = decimals;
        this.scale = Math.pow(10, decimals);
        this.out.ascii("ts,price").newline();
    }

    public void tick(long tsMicros, double level) {
        if (!Double.isFinite(level)) {
            throw new IllegalArgumentException("index level must be finite at " + tsMicros + ": " + level);
        }
        out.timestamp(tsMicros).ch(',').fixed(Math.round(level * scale), decimals).newline();
        ticks++;
    }

    /** Ticks written so far. */
    public long ticks() {
        return ticks;
    }

    public void flush() {
        out.flush();
    }

    @Override
    public void close() {
        out.close();
    }
}
