package io.kbt.reports;

import java.util.Arrays;

/**
 * A bounded, downsampled copy of one time series for drawing. Values fall into time buckets; each bucket keeps
 * its minimum, maximum and last value with their times, so spikes survive downsampling. When there are more than
 * {@code maxBuckets} buckets the bucket width doubles and neighbours merge, so memory stays fixed however long the
 * run. {@code NaN} means "no value" (no quote, no best price) and comes out as a gap.
 */
final class SeriesBuffer {
    private final int maxBuckets;
    private long width = 1;
    private int size;
    private long[] keys = new long[16];
    private long[] minTs = new long[16];
    private double[] min = new double[16];
    private long[] maxTs = new long[16];
    private double[] max = new double[16];
    private long[] lastTs = new long[16];
    private double[] last = new double[16];

    SeriesBuffer(int maxBuckets) {
        if (maxBuckets < 2) {
            throw new IllegalArgumentException("maxBuckets " + maxBuckets);
        }
        this.maxBuckets = maxBuckets;
    }

    /** Adds a value at {@code ts} (UTC epoch microseconds, non-decreasing; a late one joins the latest bucket). */
    void add(long ts, double value) {
        long key = Math.floorDiv(ts, width);
        if (size == 0 || key > keys[size - 1]) {
            if (size == keys.length) {
                grow();
            }
            keys[size] = key;
            min[size] = Double.NaN;
            max[size] = Double.NaN;
            size++;
        }
        int b = size - 1;
        if (!Double.isNaN(value)) {
            if (Double.isNaN(min[b]) || value < min[b]) {
                min[b] = value;
                minTs[b] = ts;
            }
            if (Double.isNaN(max[b]) || value > max[b]) {
                max[b] = value;
                maxTs[b] = ts;
            }
        }
        last[b] = value;
        lastTs[b] = ts;
        if (size > maxBuckets) {
            coarsen();
        }
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Earliest time held, or {@code Long.MAX_VALUE} when empty. */
    long firstTs() {
        if (size == 0) {
            return Long.MAX_VALUE;
        }
        long first = lastTs[0];
        if (!Double.isNaN(min[0])) {
            first = Math.min(first, Math.min(minTs[0], maxTs[0]));
        }
        return first;
    }

    /** Latest time held, or {@code Long.MIN_VALUE} when empty. */
    long lastTs() {
        return size == 0 ? Long.MIN_VALUE : lastTs[size - 1];
    }

    /** Largest absolute value held (0 when none). */
    double maxAbs() {
        double m = 0;
        for (int i = 0; i < size; i++) {
            if (!Double.isNaN(min[i])) {
                m = Math.max(m, Math.max(Math.abs(min[i]), Math.abs(max[i])));
            }
        }
        return m;
    }

    /** The points to draw, in time order: per bucket its extremes and its last value; {@code NaN} for gaps. */
    Points points() {
        long[] ts = new long[size * 3];
        double[] values = new double[size * 3];
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (!Double.isNaN(min[i])) {
                boolean minFirst = minTs[i] <= maxTs[i];
                n = put(ts, values, n, minFirst ? minTs[i] : maxTs[i], minFirst ? min[i] : max[i]);
                n = put(ts, values, n, minFirst ? maxTs[i] : minTs[i], minFirst ? max[i] : min[i]);
            }
            n = put(ts, values, n, lastTs[i], last[i]);
        }
        return new Points(Arrays.copyOf(ts, n), Arrays.copyOf(values, n));
    }

    private static int put(long[] ts, double[] values, int n, long t, double v) {
        if (n > 0 && ts[n - 1] == t && sameValue(values[n - 1], v)) {
            return n;
        }
        if (n > 0 && t < ts[n - 1]) {
            t = ts[n - 1];
        }
        ts[n] = t;
        values[n] = v;
        return n + 1;
    }

    private static boolean sameValue(double a, double b) {
        return Double.compare(a, b) == 0;
    }

    private void coarsen() {
        width *= 2;
        int out = 0;
        for (int i = 0; i < size; i++) {
            long key = Math.floorDiv(keys[i], 2);
            if (out > 0 && keys[out - 1] == key) {
                int b = out - 1;
                if (!Double.isNaN(min[i]) && (Double.isNaN(min[b]) || min[i] < min[b])) {
                    min[b] = min[i];
                    minTs[b] = minTs[i];
                }
                if (!Double.isNaN(max[i]) && (Double.isNaN(max[b]) || max[i] > max[b])) {
                    max[b] = max[i];
                    maxTs[b] = maxTs[i];
                }
                last[b] = last[i];
                lastTs[b] = lastTs[i];
            } else {
                keys[out] = key;
                minTs[out] = minTs[i];
                min[out] = min[i];
                maxTs[out] = maxTs[i];
                max[out] = max[i];
                lastTs[out] = lastTs[i];
                last[out] = last[i];
                out++;
            }
        }
        size = out;
        if (size > maxBuckets) {
            coarsen();
        }
    }

    private void grow() {
        int capacity = Math.min(keys.length * 2, maxBuckets + 1);
        keys = Arrays.copyOf(keys, capacity);
        minTs = Arrays.copyOf(minTs, capacity);
        min = Arrays.copyOf(min, capacity);
        maxTs = Arrays.copyOf(maxTs, capacity);
        max = Arrays.copyOf(max, capacity);
        lastTs = Arrays.copyOf(lastTs, capacity);
        last = Arrays.copyOf(last, capacity);
    }

    /** Times (UTC epoch microseconds) and values of a drawn series. */
    record Points(long[] ts, double[] values) {
        int size() {
            return ts.length;
        }
    }
}
