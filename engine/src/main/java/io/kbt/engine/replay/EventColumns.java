package io.kbt.engine.replay;

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
 * Events in growing primitive columns (snapshots kept aside as objects), not as one object each: what an
 * {@link EventTape} is made from, and how a directory holds a decoded file's events until they are selected. Millions
 * of events are then a few large arrays that a collection neither traces nor copies, where as objects they were
 * copied from survivor space to old space while a file was decoded.
 */
public final class EventColumns {
    static final byte SNAPSHOT = 0;
    static final byte DELTA = 1;
    static final byte TRADE = 2;
    static final byte INDEX = 3;
    static final byte CLOSE = 4;

    int size;
    byte[] kind;
    long[] ts;
    long[] seq;
    /** Market id, or index symbol for index ticks. */
    int[] instrument;
    /** Price in ticks; for snapshots, the position in {@link #snapshots}. */
    int[] price;
    /** Delta or count in hundredths; for index ticks, the level's raw double bits. */
    long[] quantity;
    /** {@link BookSide#code()} of the book side or taker side. */
    byte[] side;
    final List<BookSnapshot> snapshots = new ArrayList<>();

    /** Room for about {@code expected} events before the columns first grow. */
    public EventColumns(int expected) {
        int capacity = Math.max(expected, 16);
        kind = new byte[capacity];
        ts = new long[capacity];
        seq = new long[capacity];
        instrument = new int[capacity];
        price = new int[capacity];
        quantity = new long[capacity];
        side = new byte[capacity];
    }

    public void add(MarketEvent event) {
        if (size == kind.length) {
            grow();
        }
        int i = size++;
        ts[i] = event.ts();
        seq[i] = event.seq();
        switch (event) {
            case BookSnapshot s -> {
                kind[i] = SNAPSHOT;
                instrument[i] = s.market();
                price[i] = snapshots.size();
                snapshots.add(s);
            }
            case BookDelta d -> {
                kind[i] = DELTA;
                instrument[i] = d.market();
                price[i] = d.price();
                quantity[i] = d.delta();
                side[i] = (byte) d.side().code();
            }
            case Trade t -> {
                kind[i] = TRADE;
                instrument[i] = t.market();
                price[i] = t.yesPrice();
                quantity[i] = t.count();
                side[i] = (byte) t.takerSide().code();
            }
            case IndexTick x -> {
                kind[i] = INDEX;
                instrument[i] = x.symbol();
                quantity[i] = Double.doubleToRawLongBits(x.level());
            }
            case MarketClose c -> {
                kind[i] = CLOSE;
                instrument[i] = c.market();
            }
        }
    }

    private void grow() {
        int capacity = Math.addExact(kind.length, Math.max(kind.length >> 1, 16));
        kind = Arrays.copyOf(kind, capacity);
        ts = Arrays.copyOf(ts, capacity);
        seq = Arrays.copyOf(seq, capacity);
        instrument = Arrays.copyOf(instrument, capacity);
        price = Arrays.copyOf(price, capacity);
        quantity = Arrays.copyOf(quantity, capacity);
        side = Arrays.copyOf(side, capacity);
    }

    /** Shrinks the columns to the events held (a tape's, which is never added to again). */
    void trim() {
        kind = Arrays.copyOf(kind, size);
        ts = Arrays.copyOf(ts, size);
        seq = Arrays.copyOf(seq, size);
        instrument = Arrays.copyOf(instrument, size);
        price = Arrays.copyOf(price, size);
        quantity = Arrays.copyOf(quantity, size);
        side = Arrays.copyOf(side, size);
    }

    public int size() {
        return size;
    }

    public long ts(int i) {
        return ts[i];
    }

    public boolean isIndexTick(int i) {
        return kind[i] == INDEX;
    }

    /** The market id of a market event, or the symbol of an index tick. */
    public int instrument(int i) {
        return instrument[i];
    }

    /** Event {@code i} as it was added, but with {@code instrument} for its market id or index symbol. */
    public MarketEvent event(int i, int instrument) {
        return switch (kind[i]) {
            case SNAPSHOT -> {
                BookSnapshot s = snapshots.get(price[i]);
                yield s.market() == instrument ? s : new BookSnapshot(s.ts(), s.seq(), instrument, s.yesBids(),
                        s.noBids());
            }
            case DELTA -> new BookDelta(ts[i], seq[i], instrument, BookSide.ofCode(side[i]), price[i], quantity[i]);
            case TRADE -> new Trade(ts[i], seq[i], instrument, price[i], quantity[i], BookSide.ofCode(side[i]));
            case INDEX -> new IndexTick(ts[i], seq[i], instrument, Double.longBitsToDouble(quantity[i]));
            default -> new MarketClose(ts[i], seq[i], instrument);
        };
    }
}
