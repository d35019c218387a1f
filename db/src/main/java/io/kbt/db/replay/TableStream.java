package io.kbt.db.replay;

import io.kbt.db.copy.BinaryCopyReader;
import io.kbt.db.imports.EventTable;
import io.kbt.engine.event.BookDelta;
import io.kbt.engine.event.BookSide;
import io.kbt.engine.event.BookSnapshot;
import io.kbt.engine.event.IndexTick;
import io.kbt.engine.event.Level;
import io.kbt.engine.event.Trade;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;

/**
 * One event table's rows for a replay, streamed in (ts, seq, batch, sub) order by a {@code COPY (SELECT ...) TO
 * STDOUT} in binary on a connection of its own, decoded one row at a time: memory stays flat whatever the span.
 */
final class TableStream implements AutoCloseable {
    private final EventTable table;
    private final Connection connection;
    private final BinaryCopyReader rows;
    private final int[] denseMarket;
    private final Map<String, Integer> symbols;

    TableStream(EventTable table, Connection connection, String where, int[] denseMarket, Map<String, Integer> symbols) {
        this.table = table;
        this.connection = connection;
        this.denseMarket = denseMarket;
        this.symbols = symbols;
        try {
            this.rows = new BinaryCopyReader(connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyOut(sql(table, where)));
        } catch (SQLException e) {
            throw new IllegalStateException("streaming " + table.table() + ": " + e.getMessage(), e);
        }
    }

    static String sql(EventTable table, String where) {
        return "copy (select " + table.columns() + " from " + table.table() + " where " + where
                + " order by ts, seq, batch_id, sub) to stdout (format binary)";
    }

    /** The next row, or null at the end. */
    StoredRow next() {
        try {
            if (!rows.nextRow()) {
                return null;
            }
            return switch (table) {
                case BOOK_SNAPSHOT -> snapshot();
                case BOOK_DELTA -> delta();
                case TRADE -> trade();
                case INDEX_TICK -> indexTick();
            };
        } catch (IOException e) {
            throw new UncheckedIOException("streaming " + table.table(), e);
        }
    }

    private StoredRow snapshot() throws IOException {
        long ts = rows.timestamp();
        long seq = rows.int8();
        int batch = rows.int4();
        int market = denseMarket[rows.int4()];
        int sub = rows.int2();
        List<Level> yes = levels(rows.int4Array(), rows.int8Array());
        List<Level> no = levels(rows.int4Array(), rows.int8Array());
        return new StoredRow(new BookSnapshot(ts, seq, market, yes, no), batch, sub);
    }

    private StoredRow delta() throws IOException {
        long ts = rows.timestamp();
        long seq = rows.int8();
        long delta = rows.int8();
        int batch = rows.int4();
        int market = denseMarket[rows.int4()];
        int price = rows.int4();
        BookSide side = BookSide.ofCode(rows.int2());
        int sub = rows.int2();
        return new StoredRow(new BookDelta(ts, seq, market, side, price, delta), batch, sub);
    }

    private StoredRow trade() throws IOException {
        long ts = rows.timestamp();
        long seq = rows.int8();
        long count = rows.int8();
        int batch = rows.int4();
        int market = denseMarket[rows.int4()];
        int price = rows.int4();
        BookSide taker = BookSide.ofCode(rows.int2());
        int sub = rows.int2();
        return new StoredRow(new Trade(ts, seq, market, price, count, taker), batch, sub);
    }

    private StoredRow indexTick() throws IOException {
        long ts = rows.timestamp();
        long seq = rows.int8();
        double level = rows.float8();
        int batch = rows.int4();
        int sub = rows.int2();
        int symbol = symbols.get(rows.text());
        return new StoredRow(new IndexTick(ts, seq, symbol, level), batch, sub);
    }

    private static List<Level> levels(int[] prices, long[] quantities) {
        List<Level> levels = new ArrayList<>(prices.length);
        for (int i = 0; i < prices.length; i++) {
            levels.add(new Level(prices[i], quantities[i]));
        }
        return levels;
    }

    @Override
    public void close() {
        try {
            rows.close();
        } catch (IOException e) {
            // the connection goes next; nothing more to do for a cancelled COPY
        } finally {
            try {
                connection.close();
            } catch (SQLException e) {
                // closing a connection we are done with
            }
        }
    }
}
