package io.kbt.feeds;

import io.kbt.engine.event.MarketEvent;
import java.nio.file.Path;

/** The 2023 seed CSV (index ticks and one market's order-book rows) as index, book and trade events. */
public final class SeedCsvReader implements FeedReader {
    public SeedCsvReader(Path file, String ticker, String symbol, TickerRegistry registry) {
        throw new UnsupportedOperationException("SeedCsvReader: implementation in progress");
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
