package io.kbt.engine.event;

/**
 * Ordered market data: events come out in (ts, seq) order. Implementations stream from files, PostgreSQL or
 * memory; the engine sees only this.
 */
public interface EventSource extends AutoCloseable {
    /** The next event, or {@code null} when the source is exhausted. */
    MarketEvent next();

    @Override
    default void close() {}
}
