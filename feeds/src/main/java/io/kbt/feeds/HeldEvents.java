package io.kbt.feeds;

import io.kbt.engine.event.BookDelta;
import io.kbt.engine.event.BookSide;
import io.kbt.engine.event.BookSnapshot;
import io.kbt.engine.event.IndexTick;
import io.kbt.engine.event.MarketClose;
import io.kbt.engine.event.MarketEvent;
import io.kbt.engine.event.Trade;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A decoded file's events held between decoding and the selection in primitive columns (snapshots kept aside as
 * objects), not as one object each: the millions of events a directory holds are then a few large arrays that a
 * collection neither traces nor copies, where as objects they were copied from survivor space to old space while
 * the file was decoded. An event is made again, under its final id, when it is handed on ({@link #event}).
 */
final class HeldEvents {
    private static final byte SNAPSHOT = 0;
    private static final byte DELTA = 1;
    private static final byte TRADE = 2;
    private static final byte INDEX = 3;
    private static final byte CLOSE = 4;

    private int size;
    private byte[] kind;
    private long[] ts;
    private long[] seq;
    /** Market id, or index symbol for index ticks. */
    private int[] id;
    /** Price in ticks; for snapshots, the position in {@link #snapshots}. */
    private int[] price;
    /** Delta or count in hundredths; for index ticks, the level's raw double bits. */
    private long[] quantity;
    /** {@link BookSide#code()} of the book side or taker side. */
    private byte[] side;
    private final List<BookSnapshot> snapshots = new ArrayList<>();

    /** Room for about {@code expected} events before the columns first grow. */
    HeldEvents(int expected) {
        int capacity = Math.max(expected, 16);
        kind = new byte[capacity];
        ts = new long[capacity];
        seq = new long[capacity];
        id = new int[capacity];
        price = new int[capacity];
        quantity = new long[capacity];
        side = new byte[capacity];
    }

    void add(MarketEvent event) {
        if (size == kind.length) {
            grow();
        }
        int i = size++;
        ts[i] = event.ts();
        seq[i] = event.seq();
        switch (event) {
            case BookSnapshot s -> {
                kind[i] = SNAPSHOT;
                id[i] = s.market();
                price[i] = snapshots.size();
                snapshots.add(s);
            }
            case BookDelta d -> {
                kind[i] = DELTA;
                id[i] = d.market();
                price[i] = d.price();
                quantity[i] = d.delta();
                side[i] = (byte) d.side().code();
            }
            case Trade t -> {
                kind[i] = TRADE;
                id[i] = t.market();
                price[i] = t.yesPrice();
                quantity[i] = t.count();
                side[i] = (byte) t.takerSide().code();
            }
            case IndexTick x -> {
                kind[i] = INDEX;
                id[i] = x.symbol();
                quantity[i] = Double.doubleToRawLongBits(x.level());
            }
            case MarketClose c -> {
                kind[i] = CLOSE;
                id[i] = c.market();
            }
        }
    }

    private void grow() {
        int capacity = Math.addExact(kind.length, Math.max(kind.length >> 1, 16));
        kind = Arrays.copyOf(kind, capacity);
        ts = Arrays.copyOf(ts, capacity);
        seq = Arrays.copyOf(seq, capacity);
        id = Arrays.copyOf(id, capacity);
        price = Arrays.copyOf(price, capacity);
        quantity = Arrays.copyOf(quantity, capacity);
        side = Arrays.copyOf(side, capacity);
    }

    int size() {
        return size;
    }

    long ts(int i) {
        return ts[i];
    }

    boolean isIndexTick(int i) {
        return kind[i] == INDEX;
    }

    /** The market id of a market event, or the symbol of an index tick. */
    int id(int i) {
        return id[i];
    }

    /** Event {@code i} as it was added, but with {@code newId} for its market id or index symbol. */
    MarketEvent event(int i, int newId) {
        return switch (kind[i]) {
            case SNAPSHOT -> {
                BookSnapshot s = snapshots.get(price[i]);
                yield s.market() == newId ? s : new BookSnapshot(s.ts(), s.seq(), newId, s.yesBids(), s.noBids());
            }
            case DELTA -> new BookDelta(ts[i], seq[i], newId, BookSide.ofCode(side[i]), price[i], quantity[i]);
            case TRADE -> new Trade(ts[i], seq[i], newId, price[i], quantity[i], BookSide.ofCode(side[i]));
            case INDEX -> new IndexTick(ts[i], seq[i], newId, Double.longBitsToDouble(quantity[i]));
            default -> new MarketClose(ts[i], seq[i], newId);
        };
    }
}
