package io.kbt.feeds;

import io.kbt.engine.event.MarketEvent;
import java.nio.file.Path;

/** Pages of Kalshi's REST GET /markets/trades as Trade events in time order. */
public final class RestTradesReader implements FeedReader {
    public RestTradesReader(Path file, TickerRegistry registry) {
        throw new UnsupportedOperationException("RestTradesReader: implementation in progress");
    }

    @Override
    public MarketEvent next() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String sourceName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public long line() {
        throw new UnsupportedOperationException();
    }

    @Override
    public FeedStats stats() {
        throw new UnsupportedOperationException();
    }
}
