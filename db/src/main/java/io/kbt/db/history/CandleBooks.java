package io.kbt.db.history;

import io.kbt.db.Database;
import io.kbt.db.market.MarketStore;
import io.kbt.db.replay.StoredData;
import io.kbt.engine.event.BookDelta;
import io.kbt.engine.event.BookSnapshot;
import io.kbt.engine.event.DataSet;
import io.kbt.engine.event.EventSource;
import io.kbt.engine.event.ListEventSource;
import io.kbt.engine.event.MarketEvent;
import io.kbt.engine.event.MergedEventSource;
import io.kbt.engine.market.Market;
import io.kbt.engine.market.Selection;
import io.kbt.feeds.Candle;
import io.kbt.feeds.CandleBook;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses each selected market's book: the recorded one, or a top of book built from its stored one-minute
 * candles ({@link CandleBook}). {@code --book recorded} never builds one, {@code --book candles} builds one for
 * every market with candles (ignoring a recorded book), and the default builds one, with a loud warning, for a
 * market that has trades and candles but no recorded book events in the range.
 */
public final class CandleBooks {
    /** {@code --book}: recorded, candles, or (no option) recorded where there is one, else candles. */
    public enum Mode { RECORDED, CANDLES, AUTO }

    public static final String RECORDED = "recorded";
    public static final String CANDLES = "candles";

    /** The data to replay and each market's book source by ticker. */
    public record Opened(DataSet data, Map<String, String> bookSources) {}

    private CandleBooks() {}

    public static Opened open(Database db, Selection selection, Mode mode, long displayed) {
        try (StoredData stored = StoredData.connectingAhead(db)) {
            return open(db, stored, selection, mode, displayed);
        }
    }

    private static Opened open(Database db, StoredData stored, Selection selection, Mode mode, long displayed) {
        StoredData.Selected selected = stored.select(selection);
        List<Market> markets = selected.instruments().markets();
        Presence presence = Presence.of(db, selected.storedIds(), selection, mode);
        Map<String, String> sources = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        Set<Integer> fromCandles = new HashSet<>();
        for (int i = 0; i < markets.size(); i++) {
            int id = selected.storedIds().get(i);
            String ticker = markets.get(i).ticker();
            boolean candles = presence.candles.contains(id);
            boolean useCandles = switch (mode) {
                case RECORDED -> false;
                case CANDLES -> candles;
                case AUTO -> candles && !presence.book.contains(id) && presence.trades.contains(id);
            };
            if (mode == Mode.CANDLES && !candles) {
                warnings.add(ticker + ": --book candles but no candles stored (kbt fetch candles); replayed with its "
                        + (presence.book.contains(id) ? "recorded book" : "trades only, no book"));
            }
            if (useCandles) {
                fromCandles.add(i);
                if (mode == Mode.AUTO) {
                    warnings.add("*** " + ticker + ": NO RECORDED BOOK; replaying a top of book built from one-minute "
                            + "candles (book_source=candles): fills are rough, see README 'Backtesting without a "
                            + "recorded book' ***");
                }
            }
            sources.put(ticker, useCandles ? CANDLES : RECORDED);
        }
        DataSet data = stored.open(selection, selected);
        if (fromCandles.isEmpty()) {
            return new Opened(data, sources);
        }
        List<List<MarketEvent>> snapshots = new ArrayList<>();
        CandleStore candles = new CandleStore(db.dsl());
        for (int i : fromCandles) {
            Market m = markets.get(i);
            List<Candle> inRange = new ArrayList<>();
            for (Candle c : candles.read(selected.storedIds().get(i), 1)) {
                if (c.endTs() >= selection.fromMicros() && c.endTs() < selection.toMicrosExclusive()) {
                    inRange.add(c);
                }
            }
            snapshots.add(CandleBook.snapshots(i, m.tickSize(), inRange, displayed));
        }
        EventSource events = new MergedEventSource(List.of(new WithoutBook(data.events(), fromCandles),
                new ListEventSource(CandleBook.merged(snapshots))));
        List<String> allWarnings = new ArrayList<>(data.warnings());
        allWarnings.addAll(warnings);
        return new Opened(new DataSet(data.instruments(), events, allWarnings), sources);
    }

    /** The stored events minus the recorded book of the markets whose book comes from candles. */
    private static final class WithoutBook implements EventSource {
        private final EventSource source;
        private final Set<Integer> markets;

        WithoutBook(EventSource source, Set<Integer> markets) {
            this.source = source;
            this.markets = markets;
        }

        @Override
        public MarketEvent next() {
            MarketEvent e;
            do {
                e = source.next();
            } while (e != null && switch (e) {
                case BookSnapshot s -> markets.contains(s.market());
                case BookDelta d -> markets.contains(d.market());
                default -> false;
            });
            return e;
        }

        @Override
        public void close() {
            source.close();
        }
    }

    /**
     * The stored market ids with one-minute candles, with book events and with trades in the selection's window, as
     * far as {@code mode} needs them: nothing for {@code RECORDED}; for the others candles first (a small table),
     * then book events only of the markets whose choice depends on them, and trades only of those that have candles
     * and no book. Each is an existence test on the (market, ts) index, so a backtest does not scan its events
     * twice (the stream reads them anyway); plain JDBC, as {@link StoredData#select}.
     */
    private record Presence(Set<Integer> candles, Set<Integer> book, Set<Integer> trades) {
        static Presence of(Database db, List<Integer> ids, Selection selection, Mode mode) {
            Presence p = new Presence(new HashSet<>(), new HashSet<>(), new HashSet<>());
            if (ids.isEmpty() || mode == Mode.RECORDED) {
                return p;
            }
            OffsetDateTime from = MarketStore.time(selection.fromMicros());
            OffsetDateTime to = MarketStore.time(selection.toMicrosExclusive());
            having(db, "candle where period_minutes = 1 and market_id = wanted.id and end_ts >= ?::timestamptz"
                    + " and end_ts < ?::timestamptz", ids, from, to, p.candles);
            // AUTO uses a market's candles only when it has no book; CANDLES names the book only of a market without candles.
            List<Integer> bookAsked = ids.stream()
                    .filter(id -> mode == Mode.AUTO ? p.candles.contains(id) : !p.candles.contains(id)).toList();
            for (String table : List.of("book_snapshot", "book_delta")) {
                having(db, table + " where market_id = wanted.id and ts >= ?::timestamptz and ts < ?::timestamptz",
                        bookAsked.stream().filter(id -> !p.book.contains(id)).toList(), from, to, p.book);
            }
            if (mode == Mode.AUTO) {
                having(db, "trade where market_id = wanted.id and ts >= ?::timestamptz and ts < ?::timestamptz",
                        bookAsked.stream().filter(id -> !p.book.contains(id)).toList(), from, to, p.trades);
            }
            return p;
        }

        /** Adds to {@code into} those of {@code ids} for which a row of {@code tableAndCondition} exists. */
        private static void having(Database db, String tableAndCondition, List<Integer> ids, OffsetDateTime from,
                OffsetDateTime to, Set<Integer> into) {
            if (ids.isEmpty()) {
                return;
            }
            try (Connection c = db.connection(); PreparedStatement query = c.prepareStatement(
                    "select wanted.id from unnest(?::integer[]) as wanted(id) where exists (select 1 from "
                            + tableAndCondition + ")")) {
                query.setArray(1, c.createArrayOf("integer", ids.toArray()));
                query.setObject(2, from);
                query.setObject(3, to);
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        into.add(row.getInt(1));
                    }
                }
            } catch (SQLException e) {
                throw db.failure("looking for the markets' books and candles", e);
            }
        }
    }
}
