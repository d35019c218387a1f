package io.kbt.db.imports;

import io.kbt.feeds.DataFormat;
import io.kbt.feeds.IndexCsvReader;
import io.kbt.feeds.KalshiWsReader;
import io.kbt.feeds.RestTradesReader;
import io.kbt.feeds.SeedCsvReader;
import java.nio.file.Path;
import java.util.Map;

/** The import requests of {@code kbt import}: which reader reads each kind of file, and what names it. */
public final class Imports {
    private Imports() {}

    /** Recorded websocket frames; every market's book must start with a snapshot. */
    public static EventImporter.Request kalshiWs(Path file) {
        return new EventImporter.Request("kalshi-ws", file, "", true, r -> new KalshiWsReader(file, r));
    }

    /** Pages of REST {@code /markets/trades}. */
    public static EventImporter.Request trades(Path file) {
        return new EventImporter.Request("trades", file, "", false, r -> new RestTradesReader(file, r));
    }

    /** An index CSV of one symbol. */
    public static EventImporter.Request index(Path file, String symbol) {
        return new EventImporter.Request("index", file, "symbol=" + symbol, false,
                r -> new IndexCsvReader(file, symbol, r));
    }

    /**
     * A file in {@code format} (any {@link DataFormat}, a plugin's included), its index ticks named {@code symbol};
     * a format that needs the markets of a directory (the seed CSV) has its own request.
     */
    public static EventImporter.Request format(Path file, DataFormat format, String symbol) {
        return new EventImporter.Request(format.name(), file, "symbol=" + symbol, format.name().equals("kalshi-ws"),
                r -> format.open(file, new DataFormat.Context(file.toString(), r, symbol, Map.of())));
    }

    /** The 2023 seed CSV: one market's book rows and the index ticks of {@code symbol}. */
    public static EventImporter.Request seedCsv(Path file, String ticker, String symbol) {
        return new EventImporter.Request("seed-csv", file, "market=" + ticker + " symbol=" + symbol, false,
                r -> new SeedCsvReader(file, ticker, symbol, r));
    }
}
