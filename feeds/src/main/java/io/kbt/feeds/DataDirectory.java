package io.kbt.feeds;

import io.kbt.engine.market.Selection;
import java.nio.file.Path;

/**
 * The files of a {@code kbt backtest --data DIR}: finds recordings by extension and content, reads their market
 * metadata, and streams the selected markets' events from all files merged in (ts, seq) order.
 */
public final class DataDirectory {
    public DataDirectory(Path dir) {
        throw new UnsupportedOperationException("DataDirectory: implementation in progress");
    }

    /** The selected markets found in the data and one ordered event stream over all files. */
    public DataSet open(Selection selection) {
        throw new UnsupportedOperationException();
    }
}
