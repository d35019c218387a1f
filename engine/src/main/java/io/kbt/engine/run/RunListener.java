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

    /**
     * Whether this listener uses {@link #onSample} at all. A listener that does not (a sweep keeps only figures
     * and fills) lets the strategy skip work that only feeds samples, such as exact fair values.
     */
    default boolean wantsSamples() {
        return true;
    }

    RunListener NONE = new RunListener() {
        @Override
        public boolean wantsSamples() {
            return false;
        }
    };

    /** One listener that hands every call to each of {@code listeners}, in order. */
    static RunListener all(RunListener... listeners) {
        RunListener[] targets = listeners.clone();
        return new RunListener() {
            @Override
            public void onFill(Fill fill) {
                for (RunListener target : targets) {
                    target.onFill(fill);
                }
            }

            @Override
            public void onSample(Sample sample) {
                for (RunListener target : targets) {
                    target.onSample(sample);
                }
            }

            @Override
            public void onPnl(PnlPoint point) {
                for (RunListener target : targets) {
                    target.onPnl(point);
                }
            }

            @Override
            public void onSettlement(Settlement settlement) {
                for (RunListener target : targets) {
                    target.onSettlement(settlement);
                }
            }

            @Override
            public void onIndex(IndexTick tick) {
                for (RunListener target : targets) {
                    target.onIndex(tick);
                }
            }

            @Override
            public boolean wantsSamples() {
                for (RunListener target : targets) {
                    if (target.wantsSamples()) {
                        return true;
                    }
                }
                return false;
            }
        };
    }
}
