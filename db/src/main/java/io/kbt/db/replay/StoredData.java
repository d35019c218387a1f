package io.kbt.db.replay;

import static io.kbt.db.jooq.Tables.BOOK_DELTA;
import static io.kbt.db.jooq.Tables.BOOK_SNAPSHOT;
import static io.kbt.db.jooq.Tables.MARKET;
import static io.kbt.db.jooq.Tables.TRADE;

import io.kbt.db.Database;
import io.kbt.db.imports.EventTable;
import io.kbt.db.jooq.tables.records.MarketRecord;
import io.kbt.db.market.MarketStore;
import io.kbt.engine.event.DataSet;
import io.kbt.engine.market.Instruments;
import io.kbt.engine.market.Market;
import io.kbt.engine.market.Selection;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/**
 * The Postgres event source: for a {@link Selection}, the markets it names (dense ids 0..n−1 in close-time order,
 * symbols = their underlyings) and one stream of their snapshots, deltas, trades and index ticks with
 * {@code selection.fromMicros() <= ts < selection.toMicrosExclusive()}, in (ts, seq) order and in the order each
 * file had them at equal (ts, seq). Each table streams through its own binary COPY; memory stays bounded.
 */
public final class StoredData {
    private final Database db;

    public StoredData(Database db) {
        this.db = db;
    }

    /**
     * The selected markets and symbols without streaming anything. Markets with no stored close time count when
     * they have events in the window (a recording's markets before {@code kbt import markets}), with a warning.
     */
    public Selected select(Selection selection) {
        Condition named = DSL.noCondition();
        if (!selection.series().isEmpty() || !selection.tickers().isEmpty()) {
            named = MARKET.SERIES_TICKER.in(selection.series()).or(MARKET.TICKER.in(selection.tickers()));
        }
        var from = MarketStore.time(selection.fromMicros());
        var to = MarketStore.time(selection.toMicrosExclusive());
        Condition closes = MARKET.CLOSE_TIME.ge(from).and(MARKET.CLOSE_TIME.lt(to));
        Condition hasEvents = DSL.exists(DSL.selectOne().from(BOOK_SNAPSHOT).where(BOOK_SNAPSHOT.MARKET_ID.eq(MARKET.ID),
                        BOOK_SNAPSHOT.TS.ge(from), BOOK_SNAPSHOT.TS.lt(to)))
                .or(DSL.exists(DSL.selectOne().from(BOOK_DELTA).where(BOOK_DELTA.MARKET_ID.eq(MARKET.ID),
                        BOOK_DELTA.TS.ge(from), BOOK_DELTA.TS.lt(to))))
                .or(DSL.exists(DSL.selectOne().from(TRADE).where(TRADE.MARKET_ID.eq(MARKET.ID),
                        TRADE.TS.ge(from), TRADE.TS.lt(to))));
        List<MarketRecord> records = db.dsl().selectFrom(MARKET)
                .where(named, closes.or(MARKET.CLOSE_TIME.isNull().and(hasEvents)))
                .orderBy(MARKET.CLOSE_TIME.asc().nullsLast(), MARKET.TICKER)
                .fetch();
        List<Market> markets = new ArrayList<>();
        List<Integer> storedIds = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        TreeSet<String> symbols = new TreeSet<>();
        for (MarketRecord record : records) {
            Market market = MarketStore.toMarket(markets.size(), record);
            markets.add(market);
            storedIds.add(record.getId());
            if (market.underlying() != null) {
                symbols.add(market.underlying());
            }
            if (record.getCloseTime() == null) {
                warnings.add("market " + market.ticker() + " has no close time (kbt import markets adds it);"
                        + " included because it has data in the window");
            }
        }
        return new Selected(new Instruments(markets, List.copyOf(symbols)), storedIds, warnings);
    }

    /** The selected markets and the ordered stream of their data; the caller closes it. */
    public DataSet open(Selection selection) {
        return open(selection, select(selection));
    }

    /**
     * The ordered stream of the markets {@link #select} found for {@code selection}; the caller closes it. The
     * tables' streams are opened at once, each on a connection of its own, so that the connections' start-up and
     * the server's first rows overlap instead of adding up.
     */
    public DataSet open(Selection selection, Selected selected) {
        Instruments instruments = selected.instruments();
        int maxId = selected.storedIds().stream().mapToInt(Integer::intValue).max().orElse(0);
        int[] dense = new int[maxId + 1];
        for (int i = 0; i < selected.storedIds().size(); i++) {
            dense[selected.storedIds().get(i)] = i;
        }
        Map<String, Integer> symbols = new HashMap<>();
        for (int i = 0; i < instruments.symbols().size(); i++) {
            symbols.put(instruments.symbols().get(i), i);
        }
        String window = "ts >= '" + Instant.EPOCH.plus(selection.fromMicros(), ChronoUnit.MICROS)
                + "' and ts < '" + Instant.EPOCH.plus(selection.toMicrosExclusive(), ChronoUnit.MICROS) + "'";
        String marketIds = selected.storedIds().stream().map(String::valueOf).collect(Collectors.joining(","));
        String symbolList = instruments.symbols().stream().map(s -> "'" + s.replace("'", "''") + "'")
                .collect(Collectors.joining(","));
        Map<EventTable, String> wheres = new LinkedHashMap<>();
        if (!marketIds.isEmpty()) {
            String where = "market_id in (" + marketIds + ") and " + window;
            for (EventTable table : List.of(EventTable.BOOK_SNAPSHOT, EventTable.BOOK_DELTA, EventTable.TRADE)) {
                wheres.put(table, where);
            }
        }
        if (!symbolList.isEmpty()) {
            wheres.put(EventTable.INDEX_TICK, "symbol in (" + symbolList + ") and " + window);
        }
        List<TableStream> streams = openAll(wheres, dense, symbols);
        return new DataSet(instruments, new StoredEventSource(streams), selected.warnings());
    }

    /** One stream per table, each opened on a thread of its own; none stays open when any fails. */
    private List<TableStream> openAll(Map<EventTable, String> wheres, int[] dense, Map<String, Integer> symbols) {
        List<CompletableFuture<TableStream>> opening = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            wheres.forEach((table, where) -> opening.add(CompletableFuture.supplyAsync(
                    () -> open(table, where, dense, symbols), threads)));
        }
        List<TableStream> streams = new ArrayList<>();
        RuntimeException failure = null;
        for (CompletableFuture<TableStream> stream : opening) {
            try {
                streams.add(stream.join());
            } catch (CompletionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException cause ? cause : e;
                }
            }
        }
        if (failure != null) {
            streams.forEach(TableStream::close);
            throw failure;
        }
        return streams;
    }

    private TableStream open(EventTable table, String where, int[] dense, Map<String, Integer> symbols) {
        Connection connection;
        try {
            connection = Database.connect(db.url());
        } catch (SQLException e) {
            throw Database.unavailable(db.url(), e);
        }
        try {
            return new TableStream(table, connection, where, dense, symbols);
        } catch (RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
    }

    /** The markets of a selection, their stored ids (by dense id) and warnings about them. */
    public record Selected(Instruments instruments, List<Integer> storedIds, List<String> warnings) {
        public Selected {
            storedIds = List.copyOf(storedIds);
            warnings = List.copyOf(warnings);
        }
    }
}
