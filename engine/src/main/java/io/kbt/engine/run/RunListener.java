package io.kbt.engine.run;

import io.kbt.engine.event.IndexTick;

/**
 * Receives a replay's output as it happens, so that long runs are streamed to disk rather than held in memory.
 */
public interface RunListener {
    default void onFill(Fill fill) {}

    default void onSample(Sample sample) {}

    default void onPnl(PnlPoint point) {}

    default void onSettlement(Settlement settlement) {}

    /** Every index tick replayed, so reports can draw the underlying beside a market. */
    default void onIndex(IndexTick tick) {}

    RunListener NONE = new RunListener() {};
}
