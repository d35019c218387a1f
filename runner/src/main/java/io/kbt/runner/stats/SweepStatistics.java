package io.kbt.runner.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything a sweep reports about overfitting, from its (set × day) P&amp;L matrix: each set's statistics, the
 * deflated Sharpe ratio of the best set, the probability of backtest overfitting and the walk-forward. A figure
 * that the sweep is too small for is absent (null) with a note saying why, unless the user asked for it by name,
 * in which case {@link #of} refuses.
 */
public record SweepStatistics(
        List<SetStatistics> sets,
        DeflatedSharpe deflatedSharpe,
        Pbo pbo,
        WalkForward walkForward,
        List<String> notes) {
    public static final int DEFAULT_PBO_SPLITS = 16;

    /** A walk-forward request: training and test window lengths in days and how a window's best set is picked. */
    public record WalkForwardSpec(int train, int test, WalkForward.Criterion criterion) {}

    public SweepStatistics {
        sets = List.copyOf(sets);
        notes = List.copyOf(notes);
    }

    /**
     * @param pnl daily P&amp;L in micro-dollars, [set][day]
     * @param contracts contracts traded per set (hundredths)
     * @param drawdown each set's maximum drawdown over the range (micro-dollars)
     * @param pboSplits the splits the user asked for, or null for the default (skipped with a note if too many)
     * @param walkForward the walk-forward asked for, or null
     * @throws IllegalArgumentException when an explicitly requested figure cannot be computed (too few days)
     */
    public static SweepStatistics of(long[][] pnl, long[] contracts, long[] drawdown, Integer pboSplits,
            WalkForwardSpec walkForward) {
        List<String> notes = new ArrayList<>();
        List<SetStatistics> sets = new ArrayList<>();
        for (int set = 0; set < pnl.length; set++) {
            sets.add(SetStatistics.of(pnl[set], contracts[set], drawdown[set]));
        }
        int days = pnl.length == 0 ? 0 : pnl[0].length;
        DeflatedSharpe dsr = null;
        if (days >= 2) {
            dsr = DeflatedSharpe.of(pnl);
        } else {
            notes.add("deflated Sharpe ratio: needs at least 2 days, the sweep has " + days);
        }
        Pbo pbo = null;
        int splits = pboSplits != null ? pboSplits : DEFAULT_PBO_SPLITS;
        if (pboSplits != null || (days >= splits && pnl.length >= 2)) {
            pbo = Pbo.of(pnl, splits);
        } else {
            notes.add("probability of backtest overfitting: needs at least " + splits + " days and 2 sets (the sweep"
                    + " has " + days + " days, " + pnl.length + " sets); --pbo-splits S takes fewer, even splits");
        }
        WalkForward wf = walkForward == null ? null
                : WalkForward.of(pnl, walkForward.train(), walkForward.test(), walkForward.criterion());
        return new SweepStatistics(sets, dsr, pbo, wf, notes);
    }
}
