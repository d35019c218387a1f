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
}
