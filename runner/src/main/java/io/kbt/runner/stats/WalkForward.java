package io.kbt.runner.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Walk-forward selection over a (set × day) P&amp;L matrix: on each training window of {@code train} days the set
 * that is best by the criterion (first in grid order on ties) is picked and applied to the next {@code test} days;
 * the windows then move on by {@code test} days, the last test window taking what days remain. The chained
 * out-of-sample P&amp;L is what a user re-picking the set every {@code test} days would have earned.
 */
public record WalkForward(int train, int test, Criterion criterion, List<Window> windows, long[] outOfSample) {
    /** How the best set of a training window is chosen. */
    public enum Criterion {
        /** Highest total P&amp;L over the window. */
        PNL,
        /** Highest mean over standard deviation of daily P&amp;L (0 when it does not vary). */
        SHARPE
    }

    /** One step: the training and test days (indices, end exclusive), the set chosen and its test P&amp;L. */
    public record Window(int trainFrom, int trainTo, int testFrom, int testTo, int set, long testPnlMicros) {}

    public WalkForward {
        windows = List.copyOf(windows);
        outOfSample = outOfSample.clone();
    }

    /**
     * @param pnl daily P&amp;L, micro-dollars, [set][day]
     * @throws IllegalArgumentException when the windows are not positive or the days do not exceed {@code train}
     */
    public static WalkForward of(long[][] pnl, int train, int test, Criterion criterion) {
        if (train < 1 || test < 1) {
            throw new IllegalArgumentException("--walk-forward needs train and test of at least one day each");
        }
        int days = pnl.length == 0 ? 0 : pnl[0].length;
        if (days <= train) {
            throw new IllegalArgumentException("--walk-forward train=" + train + " needs more than " + train
                    + " days, the sweep has " + days);
        }
        List<Window> windows = new ArrayList<>();
        long[] outOfSample = new long[days - train];
        for (int start = 0; start + train < days; start += test) {
            int testFrom = start + train;
            int testTo = Math.min(days, testFrom + test);
            int best = 0;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int set = 0; set < pnl.length; set++) {
                double score = score(pnl[set], start, testFrom, criterion);
                if (score > bestScore) {
                    bestScore = score;
                    best = set;
                }
            }
            long testPnl = 0;
            for (int day = testFrom; day < testTo; day++) {
                outOfSample[day - train] = pnl[best][day];
                testPnl += pnl[best][day];
            }
            windows.add(new Window(start, testFrom, testFrom, testTo, best, testPnl));
        }
        return new WalkForward(train, test, criterion, windows, outOfSample);
    }

    public long totalMicros() {
        long total = 0;
        for (long x : outOfSample) {
            total += x;
        }
        return total;
    }

    private static double score(long[] daily, int from, int to, Criterion criterion) {
        long[] window = java.util.Arrays.copyOfRange(daily, from, to);
        return switch (criterion) {
            case PNL -> {
                long sum = 0;
                for (long x : window) {
                    sum += x;
                }
                yield sum;
            }
            case SHARPE -> Moments.of(window).sharpe();
        };
    }
}
