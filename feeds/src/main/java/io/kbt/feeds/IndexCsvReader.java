package io.kbt.feeds;

import io.kbt.engine.event.MarketEvent;
import java.nio.file.Path;

/** An index CSV (ts,price) as IndexTick events of one symbol. */
public final class IndexCsvReader implements FeedReader {
    public IndexCsvReader(Path file, String symbol, TickerRegistry registry) {
        throw new UnsupportedOperationException("IndexCsvReader: implementation in progress");
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
