package io.kbt.runner.sweep;

import io.kbt.engine.market.Instruments;
import io.kbt.engine.replay.Replay;
import io.kbt.engine.replay.ReplayConfig;
import io.kbt.engine.run.Fill;
import io.kbt.engine.run.PnlPoint;
import io.kbt.engine.run.RunListener;
import io.kbt.engine.run.RunResult;
import io.kbt.runner.GuardedStrategy;
import io.kbt.strategies.StrategySpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one cell: a parameter set over one shard's tape, with a fresh strategy built from the markets without
 * their results and run behind a {@link GuardedStrategy}, as a backtest runs it. Safe from many threads at once.
 */
public final class CellRun {
    private CellRun() {}

    /** A cell's figures and, when asked for, its fills under the sweep's market ids. */
    public record Output(CellResult result, List<Fill> fills) {}

    public static Output run(ShardData data, int set, StrategySpec spec, ReplayConfig config, boolean keepFills) {
        Path path = new Path(data.fullIds(), keepFills);
        Instruments view = data.instruments().withoutResults();
        RunResult result = Replay.run(data.instruments(), data.tape().source(),
                new GuardedStrategy(spec.name(), spec.newStrategy(view), view), config, path);
        return new Output(CellResult.of(set, data.shard().index(), result, data.fullIds(), path.peak, path.trough),
                path.fills);
    }

    /** Follows the marked P&amp;L's extremes and keeps fills renumbered to the sweep's market ids. */
    private static final class Path implements RunListener {
        private final int[] fullIds;
        private final List<Fill> fills;
        long peak;
        long trough;

        Path(int[] fullIds, boolean keepFills) {
            this.fullIds = fullIds;
            this.fills = keepFills ? new ArrayList<>() : List.of();
        }

        /** A cell keeps no time series, so the strategy may skip fair values that only feed one (same quotes). */
        @Override
        public boolean wantsSamples() {
            return false;
        }

        @Override
        public void onPnl(PnlPoint point) {
            peak = Math.max(peak, point.markedMicros());
            trough = Math.min(trough, point.markedMicros());
        }

        @Override
        public void onFill(Fill f) {
            if (fills instanceof ArrayList<Fill> kept) {
                kept.add(new Fill(f.ts(), fullIds[f.market()], f.action(), f.price(), f.count(), f.feeMicros(),
                        f.liquidity(), f.positionAfter(), f.causeSeq(), f.rule()));
            }
        }
    }
}
