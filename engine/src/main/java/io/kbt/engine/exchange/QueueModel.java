package io.kbt.engine.exchange;

/**
 * How much displayed quantity stands in front of our resting order, and how it moves. Named and chosen at run
 * time ({@link QueueModels#byName}); implementations keep no state outside the order, so one instance serves
 * every market and many threads.
 */
public interface QueueModel {
    String name();

    /** Queue ahead of a new order joining a level that displays {@code displayed} hundredths. */
    long aheadOnJoin(long displayed);

    /**
     * A historical trade of {@code count} hundredths printed at our price. Updates the queue and returns how
     * much of the trade reached past the queue to us (before our size and the position limit cap it).
     */
    default long onTrade(RestingOrder order, long count) {
        long ahead = order.ahead;
        long consumed = Math.min(ahead, count);
        order.ahead = ahead - consumed;
        return count - consumed;
    }

    /**
     * Once per batch of equal-timestamp events in which the level at our price changed or traded: it displayed
     * {@code before} hundredths when the batch began (or when we joined) and {@code after} now, and trades of
     * {@code traded} hundredths printed at our price in between ({@link #onTrade} already moved the queue for
     * them; the part of {@code before − after} they explain is not a cancellation).
     */
    void onDepthChange(RestingOrder order, long before, long after, long traded);
}
