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
import java.util.ArrayList;
import java.util.HashMap;
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
        StoredData stored = new StoredData(db);
        StoredData.Selected selected = stored.select(selection);
        List<Market> markets = selected.instruments().markets();
        Presence presence = Presence.of(db, selected.storedIds(), selection);
        Map<String, String> sources = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        Set<Integer> fromCandles = new HashSet<>();
        for (int i = 0; i < markets.size(); i++) {
            int id = selected.storedIds().get(i);
            String ticker = markets.get(i).ticker();
            boolean book = presence.book.getOrDefault(id, 0L) > 0;
            boolean candles = presence.candles.getOrDefault(id, 0L) > 0;
            boolean trades = presence.trades.getOrDefault(id, 0L) > 0;
            boolean useCandles = switch (mode) {
                case RECORDED -> false;
                case CANDLES -> candles;
                case AUTO -> !book && candles && trades;
            };
            if (mode == Mode.CANDLES && !candles) {
                warnings.add(ticker + ": --book candles but no candles stored (kbt fetch candles); replayed with its "
                        + (book ? "recorded book" : "trades only, no book"));
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
        DataSet data = stored.open(selection);
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

    /** Rows per stored market id in the selection's window: book events, trades, one-minute candles. */
    private record Presence(Map<Integer, Long> book, Map<Integer, Long> trades, Map<Integer, Long> candles) {
        static Presence of(Database db, List<Integer> ids, Selection selection) {
            Presence p = new Presence(new HashMap<>(), new HashMap<>(), new HashMap<>());
            if (ids.isEmpty()) {
                return p;
            }
            Object[] args = {ids.toArray(Integer[]::new), MarketStore.time(selection.fromMicros()),
                MarketStore.time(selection.toMicrosExclusive())};
            String window = " where market_id = any(?) and %s >= ?::timestamptz and %s < ?::timestamptz group by market_id";
            count(db, "select market_id, count(*) from book_snapshot" + window.formatted("ts", "ts"), args, p.book);
            count(db, "select market_id, count(*) from book_delta" + window.formatted("ts", "ts"), args, p.book);
            count(db, "select market_id, count(*) from trade" + window.formatted("ts", "ts"), args, p.trades);
            count(db, "select market_id, count(*) from candle" + window.formatted("end_ts", "end_ts")
                    .replace(" group by", " and period_minutes = 1 group by"), args, p.candles);
            return p;
        }

        private static void count(Database db, String sql, Object[] args, Map<Integer, Long> into) {
            db.dsl().fetch(sql, args).forEach(r -> into.merge(r.get(0, Integer.class), r.get(1, Long.class), Long::sum));
        }
    }
}
