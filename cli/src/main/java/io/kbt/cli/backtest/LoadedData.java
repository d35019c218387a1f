package io.kbt.cli.backtest;

import io.kbt.cli.UsageException;
import io.kbt.engine.market.Instruments;
import io.kbt.engine.market.Selection;
import io.kbt.engine.replay.EventTape;
import io.kbt.feeds.DataSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The selected market data decoded once into a compact in-memory tape, so that a backtest reports load and
 * replay time apart and a sweep replays the same data for every parameter set without reading it again.
 */
public record LoadedData(Instruments instruments, EventTape tape, long loadMs, List<String> warnings, String origin,
        Map<String, String> bookSources) {
    public LoadedData {
        warnings = List.copyOf(warnings);
        bookSources = Map.copyOf(bookSources);
    }

    /** Every market's book recorded. */
    public LoadedData(Instruments instruments, EventTape tape, long loadMs, List<String> warnings, String origin) {
        this(instruments, tape, loadMs, warnings, origin, Map.of());
    }

    /** The same data, with where each market's book came from ({@code recorded} or {@code candles}) by ticker. */
    public LoadedData withBookSources(Map<String, String> sources) {
        return new LoadedData(instruments, tape, loadMs, warnings, origin, sources);
    }

    /**
     * Opens the selection with {@code opener} (files or PostgreSQL) and records every event into a tape.
     *
     * @throws UsageException when the selection matches no market in {@code origin}
     */
    public static LoadedData load(Function<Selection, DataSet> opener, Selection selection, String origin) {
        long start = System.nanoTime();
        try (DataSet data = opener.apply(selection)) {
            if (data.instruments().markets().isEmpty()) {
                throw new UsageException("no market in " + origin + " matches " + describe(selection));
            }
            EventTape tape = EventTape.record(data.events());
            long loadMs = (System.nanoTime() - start) / 1_000_000;
            return new LoadedData(data.instruments(), tape, loadMs, data.warnings(), origin);
        }
    }

    static String describe(Selection selection) {
        StringBuilder text = new StringBuilder();
        if (!selection.series().isEmpty()) {
            text.append("series ").append(String.join(",", selection.series())).append(' ');
        }
        if (!selection.tickers().isEmpty()) {
            text.append("markets ").append(String.join(",", selection.tickers())).append(' ');
        }
        return text.append("closing ").append(selection.from()).append(" to ").append(selection.to()).toString();
    }
}
