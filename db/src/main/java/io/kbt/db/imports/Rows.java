package io.kbt.db.imports;

import io.kbt.db.copy.BinaryCopyWriter;
import io.kbt.db.market.MarketStore;
import io.kbt.engine.event.BookDelta;
import io.kbt.engine.event.BookSnapshot;
import io.kbt.engine.event.Level;
import io.kbt.engine.event.MarketEvent;
import io.kbt.engine.event.Trade;
import io.kbt.feeds.BadInputException;
import io.kbt.feeds.KalshiWsReader;
import io.kbt.feeds.TickerRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The rows of one recording batch, written exactly as {@link EventImporter} writes a websocket file's (same
 * columns, seq = line, sub per equal (ts, seq)) and committed in small transactions: each {@link #commit()} has the
 * monthly partitions it needs created ({@link Partitions}, outside the transaction), COPYs what collected, settles
 * it as an import settles a file ({@link ImportIdentity}: what another import stored already is dropped, the spans of
 * the batch grow), moves the batch's counts, its stream state ({@code ws_end}) and
 * {@code recording_progress.through_seq} forward, and commits. Events at or before {@code skipThrough} (stored by
 * an earlier run) are read but not written again.
 */
final class Rows implements AutoCloseable {
    private final Connection connection;
    private final Partitions partitions;
    private final CopyManager copy;
    private final MarketStore markets;
    private final int batch;
    private final String fileName;
    private final long skipThrough;
    private final Map<EventTable, ByteArrayOutputStream> bytes = new EnumMap<>(EventTable.class);
    private final Map<EventTable, BinaryCopyWriter> writers = new EnumMap<>(EventTable.class);
    private final Map<EventTable, long[]> counts = new EnumMap<>(EventTable.class);
    private final Map<EventTable, MonthSet> months = new EnumMap<>(EventTable.class);
    private final Map<Integer, Integer> storedMarket = new HashMap<>();
    private StreamSpans spans = new StreamSpans();
    private KalshiWsReader reader;
    private TickerRegistry registry;
    private long committedSeq;
    private long lastSeq;
    private long previousTs = Long.MIN_VALUE;
    private long previousSeq = Long.MIN_VALUE;
    private int sub;
    private long firstTs = Long.MAX_VALUE;
    private long lastTs = Long.MIN_VALUE;
    private long pending;

    Rows(Connection connection, Partitions partitions, int batch, String fileName, long skipThrough)
            throws SQLException {
        this.connection = connection;
        this.partitions = partitions;
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        this.markets = new MarketStore(DSL.using(connection, SQLDialect.POSTGRES));
        this.batch = batch;
        this.fileName = fileName;
        this.skipThrough = skipThrough;
        this.lastSeq = skipThrough;
        this.committedSeq = skipThrough;
    }

    void readAll(KalshiWsReader reader, TickerRegistry registry) throws IOException {
        this.reader = reader;
        this.registry = registry;
        for (MarketEvent event = reader.next(); event != null; event = reader.next()) {
            if (event.ts() == previousTs && event.seq() == previousSeq) {
                sub++;
            } else {
                sub = 0;
                previousTs = event.ts();
                previousSeq = event.seq();
            }
            if (event.seq() <= skipThrough) {
                continue;
            }
            write(event);
            lastSeq = event.seq();
            firstTs = Math.min(firstTs, event.ts());
            lastTs = Math.max(lastTs, event.ts());
            if (++pending >= 100_000) {
                commit();
            }
        }
    }

    private BinaryCopyWriter row(EventTable table, long ts) {
        months.computeIfAbsent(table, t -> new MonthSet()).add(ts);
        counts.computeIfAbsent(table, t -> new long[1])[0]++;
        return writers.computeIfAbsent(table, t -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
            bytes.put(t, out);
            return new BinaryCopyWriter(out);
        });
    }

    private void write(MarketEvent event) throws IOException {
        switch (event) {
            case BookSnapshot s -> {
                int market = market(s.market(), s.ts());
                BinaryCopyWriter w = row(EventTable.BOOK_SNAPSHOT, s.ts());
                w.row(9).timestamp(s.ts()).int8(s.seq()).int4(batch).int4(market).int2(sub);
                levels(w, s.yesBids());
                levels(w, s.noBids());
            }
            case BookDelta d -> row(EventTable.BOOK_DELTA, d.ts()).row(8).timestamp(d.ts()).int8(d.seq())
                    .int8(d.delta()).int4(batch).int4(market(d.market(), d.ts())).int4(d.price())
                    .int2(d.side().code()).int2(sub);
            case Trade t -> row(EventTable.TRADE, t.ts()).row(8).timestamp(t.ts()).int8(t.seq()).int8(t.count())
                    .int4(batch).int4(market(t.market(), t.ts())).int4(t.yesPrice())
                    .int2(t.takerSide().code()).int2(sub);
            default -> throw new BadInputException(reader.sourceName(), reader.line(),
                    "a websocket recording holds no " + event.getClass().getSimpleName());
        }
    }

    private static void levels(BinaryCopyWriter w, List<Level> levels) throws IOException {
        int n = levels.size();
        int[] prices = new int[n];
        long[] quantities = new long[n];
        for (int i = 0; i < n; i++) {
            prices[i] = levels.get(i).price();
            quantities[i] = levels.get(i).quantity();
        }
        w.int4Array(prices, n).int8Array(quantities, n);
    }

    /** The stored id of the reader's market {@code id}, its event at {@code ts} counted in the market's span. */
    private int market(int id, long ts) {
        spans.add(id, ts, reader.line());
        return storedMarket.computeIfAbsent(id, i -> {
            String ticker = registry.ticker(i);
            Integer stored = markets.id(ticker);
            if (stored != null) {
                return stored;
            }
            // as an import does: created under the identity lock, so a concurrent import creating it too waits
            markets.dsl().execute("select pg_advisory_xact_lock(" + ImportIdentity.LOCK + ")");
            Integer created = markets.id(ticker);
            return created != null ? created : markets.createFromTicker(ticker);
        });
    }

    /** COPYs and commits what collected, with the line it reaches; nothing to do when nothing did. */
    void commit() {
        if (pending == 0) {
            return;
        }
        try {
            for (Map.Entry<EventTable, MonthSet> entry : months.entrySet()) {
                partitions.ensure(entry.getKey(), entry.getValue().months());
            }
            for (Map.Entry<EventTable, BinaryCopyWriter> entry : writers.entrySet()) {
                entry.getValue().close();
                copy.copyIn(entry.getKey().copyIn(), new ByteArrayInputStream(bytes.get(entry.getKey()).toByteArray()));
            }
            long[] duplicates = new ImportIdentity(connection, batch, fileName, false, committedSeq)
                    .settle(spans.marketStreams(storedMarket::get, registry::ticker), new ImportIdentity.TradeKeys())
                    .duplicates();
            try (PreparedStatement progress = connection.prepareStatement(
                    "update recording_progress set through_seq = ? where batch_id = ?");
                    PreparedStatement totals = connection.prepareStatement("update import_batch set"
                            + " snapshots = snapshots + ?, deltas = deltas + ?, trades = trades + ?,"
                            + " first_ts = least(first_ts, ?), last_ts = greatest(last_ts, ?), ws_end = ? where id = ?")) {
                progress.setLong(1, lastSeq);
                progress.setInt(2, batch);
                progress.executeUpdate();
                totals.setLong(1, count(EventTable.BOOK_SNAPSHOT) - duplicates[EventTable.BOOK_SNAPSHOT.ordinal()]);
                totals.setLong(2, count(EventTable.BOOK_DELTA) - duplicates[EventTable.BOOK_DELTA.ordinal()]);
                totals.setLong(3, count(EventTable.TRADE) - duplicates[EventTable.TRADE.ordinal()]);
                totals.setObject(4, MarketStore.time(firstTs));
                totals.setObject(5, MarketStore.time(lastTs));
                totals.setString(6, reader.endState().toJson());
                totals.setInt(7, batch);
                totals.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(fileName + ": storing rows failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writers.clear();
        bytes.clear();
        counts.clear();
        months.clear();
        spans = new StreamSpans();
        committedSeq = lastSeq;
        pending = 0;
        firstTs = Long.MAX_VALUE;
        lastTs = Long.MIN_VALUE;
    }

    /** The line of the last event read (stored once committed). */
    long lastSeq() {
        return lastSeq;
    }

    private long count(EventTable table) {
        long[] count = counts.get(table);
        return count == null ? 0 : count[0];
    }

    @Override
    public void close() {
        writers.clear();
        bytes.clear();
    }
}
