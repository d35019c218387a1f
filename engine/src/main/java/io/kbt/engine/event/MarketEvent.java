package io.kbt.engine.event;

/**
 * One piece of recorded market data. Events are ordered by {@code ts} (UTC epoch microseconds)
 * and, at equal times, by {@code seq}, the order they were stored in.
 */
public sealed interface MarketEvent permits BookSnapshot, BookDelta, Trade, IndexTick, MarketClose {
    long ts();

    long seq();
}
