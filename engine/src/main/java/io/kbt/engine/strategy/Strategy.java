package io.kbt.engine.strategy;

import io.kbt.engine.run.Fill;
import io.kbt.engine.run.Settlement;

/**
 * A quoting strategy. The replay loop calls {@link #onBatch} after each batch of equal-timestamp events (or
 * after every event, if so configured); the strategy answers by setting target quotes on the context.
 */
public interface Strategy {
    /** Called once before the first event. */
    default void onStart(StrategyContext context) {}

    /** Called after the market data of one timestamp has been applied and resting orders filled. */
    void onBatch(StrategyContext context);

    /** Called for each of our fills, before the next batch. */
    default void onFill(StrategyContext context, Fill fill) {}

    /** Called when a market we hold settles. */
    default void onSettlement(StrategyContext context, Settlement settlement) {}

    /**
     * Largest absolute position (hundredths of a contract) this strategy may hold in one market; the engine
     * caps fills at it.
     */
    default long positionLimit() {
        return Long.MAX_VALUE;
    }

    /**
     * True when a decision about one market depends on others beyond the shared clock and index (a stop on the
     * run's total loss, a cap on total inventory): such a strategy sees every market of a run at once, so a
     * sweep does not split its run into independent shards.
     */
    default boolean crossMarketState() {
        return false;
    }
}
