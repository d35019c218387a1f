package io.kbt.runner;

import io.kbt.engine.event.BookDelta;
import io.kbt.engine.event.BookSnapshot;
import io.kbt.engine.event.DataSet;
import io.kbt.engine.event.EventSource;
import io.kbt.engine.event.MarketEvent;
import io.kbt.engine.event.Trade;
import io.kbt.engine.market.Instruments;
import io.kbt.engine.market.Market;
import io.kbt.engine.market.Selection;
import io.kbt.engine.replay.EventTape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

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
     * @throws InvalidRunException when the selection matches no market in {@code origin}, when a {@code --market} it
     *     names is not there, or when none of its markets has order-book data (nothing could fill); a market with
     *     trades but no book is a warning
     */
    public static LoadedData load(Function<Selection, DataSet> opener, Selection selection, String origin) {
        long start = System.nanoTime();
        try (DataSet data = opener.apply(selection)) {
            Instruments instruments = data.instruments();
            if (instruments.markets().isEmpty()) {
                throw new InvalidRunException("no market in " + origin + " matches " + describe(selection));
            }
            Set<String> found = instruments.markets().stream().map(Market::ticker).collect(Collectors.toSet());
            List<String> missing = selection.tickers().stream().filter(t -> !found.contains(t)).toList();
            if (!missing.isEmpty()) {
                throw new InvalidRunException("no market " + String.join(", ", missing) + " in " + origin + " closing "
                        + selection.from() + " to " + selection.to());
            }
            BookPresence presence = new BookPresence(data.events(), instruments.markets().size());
            EventTape tape = EventTape.record(presence);
            List<String> warnings = new ArrayList<>(data.warnings());
            warnings.addAll(presence.check(instruments, selection, origin));
            long loadMs = (System.nanoTime() - start) / 1_000_000;
            return new LoadedData(instruments, tape, loadMs, warnings, origin);
        }
    }

    /**
     * Passes a stream on while noting which markets had book events and which had trades; once it is read,
     * {@link #check} says what that means for the run.
     */
    static final class BookPresence implements EventSource {
        private final EventSource source;
        private final boolean[] book;
        private final boolean[] trades;

        BookPresence(EventSource source, int markets) {
            this.source = source;
            this.book = new boolean[markets];
            this.trades = new boolean[markets];
        }

        @Override
        public MarketEvent next() {
            MarketEvent event = source.next();
            switch (event) {
                case BookSnapshot s -> book[s.market()] = true;
                case BookDelta d -> book[d.market()] = true;
                case Trade t -> trades[t.market()] = true;
                case null, default -> { }
            }
            return event;
        }

        @Override
        public void close() {
            source.close();
        }

        /**
         * The warnings about markets without an order book (nothing can fill there).
         *
         * @throws InvalidRunException when no market has order-book data, or a {@code --market} named has none
         */
        List<String> check(Instruments instruments, Selection selection, String origin) {
            List<String> warnings = new ArrayList<>();
            List<String> withoutBook = new ArrayList<>();
            List<String> withoutData = new ArrayList<>();
            for (Market market : instruments.markets()) {
                if (!book[market.id()]) {
                    withoutBook.add(market.ticker());
                    if (trades[market.id()]) {
                        warnings.add("market " + market.ticker() + " has trades but no order book in " + origin
                                + ": our quotes there can never fill");
                    } else {
                        withoutData.add(market.ticker());
                    }
                }
            }
            if (!withoutData.isEmpty() && withoutBook.size() < instruments.markets().size()) {
                warnings.add(withoutData.size() + " of the " + instruments.markets().size() + " selected markets have"
                        + " no order book or trades in " + origin + " (nothing can fill there): "
                        + String.join(", ", withoutData.subList(0, Math.min(5, withoutData.size())))
                        + (withoutData.size() > 5 ? ", ..." : ""));
            }
            if (withoutBook.size() == instruments.markets().size()) {
                throw new InvalidRunException("no order-book data in " + origin + " for " + describe(selection) + " ("
                        + String.join(", ", withoutBook) + ")");
            }
            List<String> named = withoutBook.stream().filter(selection.tickers()::contains).toList();
            if (!named.isEmpty()) {
                throw new InvalidRunException("no order-book data in " + origin + " for " + String.join(", ", named)
                        + " closing " + selection.from() + " to " + selection.to());
            }
            return warnings;
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
