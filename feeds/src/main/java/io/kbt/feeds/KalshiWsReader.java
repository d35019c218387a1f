package io.kbt.feeds;

import io.kbt.engine.event.MarketEvent;
import java.nio.file.Path;

/** Recorded Kalshi websocket frames (JSONL, one frame per line, gzip accepted) as book and trade events. */
public final class KalshiWsReader implements FeedReader {
    public KalshiWsReader(Path file, TickerRegistry registry) {
        throw new UnsupportedOperationException("KalshiWsReader: implementation in progress");
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
