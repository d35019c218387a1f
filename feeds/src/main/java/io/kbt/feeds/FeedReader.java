package io.kbt.feeds;

import io.kbt.engine.event.EventSource;
import io.kbt.engine.event.MarketEvent;

/**
 * Reads one recorded file as engine events in file order, with market and symbol ids from a
 * {@link TickerRegistry}. {@link #next()} throws {@link BadInputException} naming the file and line of anything
 * it cannot use.
 */
public interface FeedReader extends EventSource {
    @Override
    MarketEvent next();

    /** The file being read, as the user named it. */
    String sourceName();

    /** 1-based line of the event last returned (0 before the first). */
    long line();

    /** What the reader met so far: events by kind, skipped frames, warnings. */
    FeedStats stats();

    /**
     * Kalshi's {@code trade_id} of the trade last returned, when the source names one: the trade's identity in the
     * store. {@code null} otherwise.
     */
    default String tradeId() {
        return null;
    }

    /**
     * Whether market {@code market}'s book was carried over from the recording's previous file (a rotated recording
     * continued), so its deltas need no snapshot in this file.
     */
    default boolean bookContinued(int market) {
        return false;
    }
}
