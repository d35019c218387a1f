package io.kbt.db.imports;

/**
 * The four event tables, with the column order both the importer's COPY and the replay's COPY use; each is
 * range-partitioned by month of {@code ts}.
 */
public enum EventTable {
    BOOK_SNAPSHOT("book_snapshot", "ts, seq, batch_id, market_id, sub, yes_price, yes_qty, no_price, no_qty"),
    BOOK_DELTA("book_delta", "ts, seq, delta, batch_id, market_id, price, side, sub"),
    TRADE("trade", "ts, seq, count, batch_id, market_id, yes_price, taker_side, sub"),
    INDEX_TICK("index_tick", "ts, seq, level, batch_id, sub, symbol");

    private final String table;
    private final String columns;

    EventTable(String table, String columns) {
        this.table = table;
        this.columns = columns;
    }

    public String table() {
        return table;
    }

    public String columns() {
        return columns;
    }

    public String copyIn() {
        return "copy " + table + " (" + columns + ") from stdin (format binary)";
    }
}
