package io.kbt.db.replay;


import io.kbt.db.Database;
import io.kbt.db.imports.EventTable;
import io.kbt.db.market.MarketStore;
import io.kbt.engine.event.DataSet;
import io.kbt.engine.market.Instruments;
import io.kbt.engine.market.Market;
import io.kbt.engine.market.Selection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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

/**
 * The Postgres event source: for a {@link Selection}, the markets it names (dense ids 0..n−1 in close-time order,
 * symbols = their underlyings) and one stream of their snapshots, deltas, trades and index ticks with
 * {@code selection.fromMicros() <= ts < selection.toMicrosExclusive()}, in (ts, seq) order and in the order each
 * file had them at equal (ts, seq). Each table streams through its own binary COPY; memory stays bounded.
 */
public final class StoredData implements AutoCloseable {
    /** Streams a replay can have: snapshots, deltas, trades, index ticks. */
    private static final int TABLES = 4;

    private final Database db;
    private final StreamConnections ahead;

    public StoredData(Database db) {
        this(db, null);
    }

    private StoredData(Database db, StreamConnections ahead) {
        this.db = db;
        this.ahead = ahead;
    }

    /**
     * A source that starts connecting its table streams now, so that their start-up overlaps what the caller does
     * before {@link #open} (selecting the markets, choosing their books); closing it closes those not used.
     */
    public static StoredData connectingAhead(Database db) {
        return new StoredData(db, new StreamConnections(db.url(), TABLES));
    }

    /**
     * The selected markets and symbols without streaming anything. Markets with no stored close time count when
     * they have events in the window (a recording's markets before {@code kbt import markets}), with a warning.
     */
    public Selected select(Selection selection) {
        // Plain JDBC, as the whole replay path: jOOQ's first query in a JVM costs about 0.6 CPU-s of start-up
        // (0.9-1.4 s wall on the 2-core machine, against 0.1-0.2 s for this statement; README, issue 18).
        String window = "%1$s.ts >= ?::timestamptz and %1$s.ts < ?::timestamptz";
        String named = selection.series().isEmpty() && selection.tickers().isEmpty() ? ""
                : "(series_ticker = any(?::varchar[]) or ticker = any(?::varchar[])) and ";
        String sql = "select " + MarketStore.COLUMNS + " from market where " + named
                + "(close_time >= ?::timestamptz and close_time < ?::timestamptz or close_time is null and ("
                + "exists (select 1 from book_snapshot s where s.market_id = market.id and " + window.formatted("s")
                + ") or exists (select 1 from book_delta d where d.market_id = market.id and " + window.formatted("d")
                + ") or exists (select 1 from trade t where t.market_id = market.id and " + window.formatted("t")
                + "))) order by close_time asc nulls last, ticker";
        var from = MarketStore.time(selection.fromMicros());
        var to = MarketStore.time(selection.toMicrosExclusive());
        List<Market> markets = new ArrayList<>();
        List<Integer> storedIds = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        TreeSet<String> symbols = new TreeSet<>();
        try (Connection c = db.connection(); PreparedStatement query = c.prepareStatement(sql)) {
            int p = 1;
            if (!named.isEmpty()) {
                query.setArray(p++, c.createArrayOf("varchar", selection.series().toArray()));
                query.setArray(p++, c.createArrayOf("varchar", selection.tickers().toArray()));
            }
            for (int i = 0; i < 4; i++) {
                query.setObject(p++, from);
                query.setObject(p++, to);
            }
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    Market market = MarketStore.toMarket(markets.size(), row);
                    markets.add(market);
                    storedIds.add(row.getInt("id"));
                    if (market.underlying() != null) {
                        symbols.add(market.underlying());
                    }
                    if (row.getObject("close_time") == null) {
                        warnings.add("market " + market.ticker() + " has no close time (kbt import markets adds it);"
                                + " included because it has data in the window");
                    }
                }
            }
        } catch (SQLException e) {
            throw db.failure("selecting the markets", e);
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
        List<TableStream> streams;
        try (StreamConnections connections = ahead != null ? ahead : new StreamConnections(db.url(), wheres.size())) {
            streams = openAll(wheres, connections, dense, symbols);
        }
        return new DataSet(instruments, new StoredEventSource(streams), selected.warnings());
    }

    /** One stream per table, each opened on a thread of its own; none stays open when any fails. */
    private List<TableStream> openAll(Map<EventTable, String> wheres, StreamConnections connections, int[] dense,
            Map<String, Integer> symbols) {
        List<CompletableFuture<TableStream>> opening = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            wheres.forEach((table, where) -> opening.add(CompletableFuture.supplyAsync(
                    () -> open(table, where, connections.take(), dense, symbols), threads)));
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

    private static TableStream open(EventTable table, String where, Connection connection, int[] dense,
            Map<String, Integer> symbols) {
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

    @Override
    public void close() {
        if (ahead != null) {
            ahead.close();
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
