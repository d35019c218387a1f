package io.kbt.feeds;

import java.nio.file.Path;
import java.util.List;

/** Kalshi market objects (an array or {@code {"markets":[...]}}) as {@link MarketInfo}. */
public final class MarketsJsonReader {
    public MarketsJsonReader(Path file) {
        throw new UnsupportedOperationException("MarketsJsonReader: implementation in progress");
    }

    /** All markets of the file, in file order. */
    public List<MarketInfo> read() {
        throw new UnsupportedOperationException();
    }
}
