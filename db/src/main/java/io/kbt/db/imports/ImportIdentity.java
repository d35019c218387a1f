package io.kbt.db.imports;

import io.kbt.db.copy.BinaryCopyWriter;
import io.kbt.feeds.BadInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import io.kbt.db.market.MarketStore;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * Decides, just before an import commits, which of its rows are new, so that the same events are never stored
 * twice whatever bytes brought them (a gzip or CRLF copy, overlapping REST pages, a file that extends another).
 * A trade with a {@code trade_id} is that id ({@code trade_key}): a stored id adds nothing, a stored id with other
 * fields is bad input. Every other event belongs to a stream (a market or an index symbol) whose time span per
 * import is kept in {@code import_span}: where the file's span of a stream overlaps other imports', the file must
 * hold exactly their events there (it then adds only what lies outside), unless {@code replace} swaps those
 * imports' events of the stream for the file's. Runs under one advisory lock held to commit, so concurrent
 * imports settle one after the other.
 */
final class ImportIdentity {
    /** Held (transaction-scoped) from here to commit by every import ("kbtident"). */
    static final long LOCK = 0x6b62_7469_6465_6e74L;

    /** One stream of the file: a stored market id or an index symbol; {@code name} is its ticker or symbol. */
    record Stream(Integer marketId, String symbol, String name, long firstTs, long lastTs, long events, long firstLine) {}

    /** What settling did: rows of the file dropped as already stored, per table, and earlier imports replaced. */
    record Outcome(long[] duplicates, List<String> replaced) {}

    private record Earlier(int batchId, String file, Instant importedAt, long firstTs, long lastTs) {}

    private final Connection c;
    private final int batchId;
    private final String source;
    private final boolean replace;
    private final long[] duplicates = new long[EventTable.values().length];
    private final List<String> replaced = new ArrayList<>();

    ImportIdentity(Connection c, int batchId, String source, boolean replace) throws SQLException {
        this.c = c;
        this.batchId = batchId;
        this.source = source;
        this.replace = replace;
        try (Statement s = c.createStatement()) {
            s.execute("select pg_advisory_xact_lock(" + LOCK + ")");
        }
    }

    /** Settles the file's streams and keyed trades ({@code keys}: COPY rows of {@link TradeKeys}). */
    Outcome settle(List<Stream> streams, TradeKeys keys) throws SQLException, IOException {
        for (Stream stream : streams) {
            stream(stream);
        }
        if (keys.size() > 0) {
            tradeKeys(keys);
        }
        return new Outcome(duplicates, replaced);
    }

    private void stream(Stream stream) throws SQLException {
        List<Earlier> earlier = overlapping(stream);
        long kept = stream.events();
        if (!earlier.isEmpty()) {
            long lo = Math.max(stream.firstTs(), earlier.stream().mapToLong(Earlier::firstTs).min().orElseThrow());
            long hi = Math.min(stream.lastTs(), earlier.stream().mapToLong(Earlier::lastTs).max().orElseThrow());
            Integer[] others = earlier.stream().map(Earlier::batchId).toArray(Integer[]::new);
            if (sameEvents(stream, lo, hi, others)) {
                for (EventTable table : tables(stream)) {
                    int n = delete(table, stream, "batch_id = ? and ts between ? and ?", batchId, lo, hi);
                    duplicates[table.ordinal()] += n;
                    kept -= n;
                }
            } else if (replace) {
                for (Earlier e : earlier) {
                    swap(stream, e);
                }
            } else {
                Earlier first = earlier.get(0);
                throw new BadInputException(source, stream.firstLine(), String.format(
                        "%s's events from %s to %s overlap batch %d (%s, imported %s), which stored %s from %s to %s,"
                                + " and differ from them between %s and %s; nothing imported (--replace swaps that"
                                + " import's events of %s for this file's)",
                        stream.name(), time(stream.firstTs()), time(stream.lastTs()), first.batchId(), first.file(),
                        first.importedAt().truncatedTo(ChronoUnit.SECONDS), stream.name(), time(first.firstTs()),
                        time(first.lastTs()), time(lo), time(hi), stream.name()));
            }
        }
        if (kept > 0) {
            try (PreparedStatement insert = c.prepareStatement("insert into import_span (first_ts, last_ts, events,"
                    + " first_line, batch_id, market_id, symbol) values (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setObject(1, time(stream.firstTs()));
                insert.setObject(2, time(stream.lastTs()));
                insert.setLong(3, kept);
                insert.setLong(4, stream.firstLine());
                insert.setInt(5, batchId);
                insert.setObject(6, stream.marketId());
                insert.setString(7, stream.symbol());
                insert.executeUpdate();
            }
        }
    }

    private List<Earlier> overlapping(Stream stream) throws SQLException {
        String key = stream.marketId() != null ? "s.market_id = ?" : "s.symbol = ?";
        try (PreparedStatement q = c.prepareStatement("select s.batch_id, b.file_name, b.imported_at, min(s.first_ts),"
                + " max(s.last_ts) from import_span s join import_batch b on b.id = s.batch_id where " + key
                + " and s.batch_id <> ? and s.first_ts <= ? and s.last_ts >= ?"
                + " group by s.batch_id, b.file_name, b.imported_at order by s.batch_id")) {
            q.setObject(1, stream.marketId() != null ? stream.marketId() : stream.symbol());
            q.setInt(2, batchId);
            q.setObject(3, time(stream.lastTs()));
            q.setObject(4, time(stream.firstTs()));
            List<Earlier> earlier = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    earlier.add(new Earlier(rs.getInt(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
                            MarketStore.micros(rs.getObject(4, OffsetDateTime.class)),
                            MarketStore.micros(rs.getObject(5, OffsetDateTime.class))));
                }
            }
            return earlier;
        }
    }

    /** Whether the file's events of the stream in [lo, hi] equal, as multisets, those the other imports stored. */
    private boolean sameEvents(Stream stream, long lo, long hi, Integer[] others) throws SQLException {
        Array otherIds = c.createArrayOf("integer", others);
        for (EventTable table : tables(stream)) {
            String columns = switch (table) {
                case BOOK_SNAPSHOT -> "ts, yes_price, yes_qty, no_price, no_qty";
                case BOOK_DELTA -> "ts, price, side, delta";
                case TRADE -> "ts, yes_price, count, taker_side";
                case INDEX_TICK -> "ts, level";
            };
            String rows = "select " + columns + " from " + table.table() + " where " + key(stream)
                    + " and ts between ? and ? and batch_id ";
            String mine = rows + "= ?";
            String theirs = rows + "= any(?)";
            try (PreparedStatement q = c.prepareStatement("select exists ((" + mine + " except all " + theirs
                    + ") union all (" + theirs + " except all " + mine + "))")) {
                int i = 1;
                for (int part = 0; part < 4; part++) {
                    q.setObject(i++, stream.marketId() != null ? stream.marketId() : stream.symbol());
                    q.setObject(i++, time(lo));
                    q.setObject(i++, time(hi));
                    if (part == 0 || part == 3) {
                        q.setInt(i++, batchId);
                    } else {
                        q.setArray(i++, otherIds);
                    }
                }
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Removes an earlier import's events of the stream (all of them: it is being replaced), and its span. */
    private void swap(Stream stream, Earlier earlier) throws SQLException {
        long removed = 0;
        long[] byTable = new long[EventTable.values().length];
        for (EventTable table : tables(stream)) {
            int n = delete(table, stream, "batch_id = ? and ts between ? and ?", earlier.batchId(),
                    earlier.firstTs(), earlier.lastTs());
            byTable[table.ordinal()] = n;
            removed += n;
        }
        try (PreparedStatement spans = c.prepareStatement("delete from import_span where batch_id = ? and "
                + (stream.marketId() != null ? "market_id" : "symbol") + " = ?");
                PreparedStatement counts = c.prepareStatement("update import_batch set snapshots = snapshots - ?,"
                        + " deltas = deltas - ?, trades = trades - ?, index_ticks = index_ticks - ? where id = ?");
                PreparedStatement empty = c.prepareStatement("delete from import_batch b where id = ? and not exists"
                        + " (select 1 from import_span s where s.batch_id = b.id) and not exists"
                        + " (select 1 from trade_key k where k.batch_id = b.id)")) {
            spans.setInt(1, earlier.batchId());
            spans.setObject(2, stream.marketId() != null ? stream.marketId() : stream.symbol());
            spans.executeUpdate();
            counts.setLong(1, byTable[EventTable.BOOK_SNAPSHOT.ordinal()]);
            counts.setLong(2, byTable[EventTable.BOOK_DELTA.ordinal()]);
            counts.setLong(3, byTable[EventTable.TRADE.ordinal()]);
            counts.setLong(4, byTable[EventTable.INDEX_TICK.ordinal()]);
            counts.setInt(5, earlier.batchId());
            counts.executeUpdate();
            empty.setInt(1, earlier.batchId());
            empty.executeUpdate();
        }
        replaced.add(String.format("replaced batch %d (%s): its %,d event%s of %s removed", earlier.batchId(),
                earlier.file(), removed, removed == 1 ? "" : "s", stream.name()));
    }

    private int delete(EventTable table, Stream stream, String where, int batch, long lo, long hi)
            throws SQLException {
        try (PreparedStatement d = c.prepareStatement("delete from " + table.table() + " where " + key(stream)
                + " and " + where)) {
            d.setObject(1, stream.marketId() != null ? stream.marketId() : stream.symbol());
            d.setInt(2, batch);
            d.setObject(3, time(lo));
            d.setObject(4, time(hi));
            return d.executeUpdate();
        }
    }

    private void tradeKeys(TradeKeys keys) throws SQLException, IOException {
        try (Statement s = c.createStatement()) {
            s.execute("create temp table staged_trade_key (trade_id varchar, ts timestamptz, seq bigint, count bigint,"
                    + " market_id integer, yes_price integer, taker_side smallint, line bigint) on commit drop");
        }
        c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy staged_trade_key from stdin (format binary)",
                new ByteArrayInputStream(keys.bytes()));
        try (PreparedStatement q = c.prepareStatement("select s.trade_id, s.line, k.batch_id, b.file_name,"
                + " k.ts, k.count, k.yes_price, k.taker_side, k.market_id = s.market_id"
                + " from staged_trade_key s join trade_key k using (trade_id) join import_batch b on b.id = k.batch_id"
                + " where (k.ts, k.count, k.market_id, k.yes_price, k.taker_side)"
                + " is distinct from (s.ts, s.count, s.market_id, s.yes_price, s.taker_side) order by s.line limit 1");
                ResultSet rs = q.executeQuery()) {
            if (rs.next()) {
                throw new BadInputException(source, rs.getLong(2), String.format("trade_id %s was stored by batch %d"
                                + " (%s) with other fields (%s, count %s, yes price %d ticks, taker %s%s); nothing"
                                + " imported", rs.getString(1), rs.getInt(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant(), contracts(rs.getLong(6)), rs.getInt(7),
                        rs.getInt(8) == 0 ? "yes" : "no", rs.getBoolean(9) ? "" : ", another market"));
            }
        }
        try (PreparedStatement d = c.prepareStatement("delete from trade t using staged_trade_key s, trade_key k"
                + " where k.trade_id = s.trade_id and t.batch_id = ? and t.market_id = s.market_id and t.ts = s.ts"
                + " and t.seq = s.seq")) {
            d.setInt(1, batchId);
            duplicates[EventTable.TRADE.ordinal()] += d.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement("insert into trade_key (trade_id, ts, count, batch_id,"
                + " market_id, yes_price, taker_side) select trade_id, ts, count, ?, market_id, yes_price, taker_side"
                + " from staged_trade_key s where not exists (select 1 from trade_key k where k.trade_id = s.trade_id)")) {
            insert.setInt(1, batchId);
            insert.executeUpdate();
        }
    }

    private static List<EventTable> tables(Stream stream) {
        return stream.marketId() != null
                ? List.of(EventTable.BOOK_SNAPSHOT, EventTable.BOOK_DELTA, EventTable.TRADE)
                : List.of(EventTable.INDEX_TICK);
    }

    private static String key(Stream stream) {
        return stream.marketId() != null ? "market_id = ?" : "symbol = ?";
    }

    private static String contracts(long hundredths) {
        return hundredths % 100 == 0 ? Long.toString(hundredths / 100) : String.format("%d.%02d", hundredths / 100,
                Math.abs(hundredths % 100));
    }

    private static OffsetDateTime time(long micros) {
        return MarketStore.time(micros);
    }

    /** The keyed trades of one file as COPY rows of the staging table, collected while reading. */
    static final class TradeKeys {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final BinaryCopyWriter writer = new BinaryCopyWriter(bytes);
        private long size;

        void add(String tradeId, long ts, long seq, long count, int marketId, int yesPrice, int takerSide, long line) {
            try {
                writer.row(8).text(tradeId).timestamp(ts).int8(seq).int8(count).int4(marketId).int4(yesPrice)
                        .int2(takerSide).int8(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            size++;
        }

        long size() {
            return size;
        }

        byte[] bytes() throws IOException {
            writer.close();
            return bytes.toByteArray();
        }
    }
}
