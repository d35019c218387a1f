package io.kbt.engine.replay;

import io.kbt.engine.event.BookDelta;
import io.kbt.engine.event.BookSide;
import io.kbt.engine.event.BookSnapshot;
import io.kbt.engine.event.EventSource;
import io.kbt.engine.event.IndexTick;
import io.kbt.engine.event.MarketClose;
import io.kbt.engine.event.MarketEvent;
import io.kbt.engine.event.Trade;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A compact, immutable, in-memory copy of an event stream in primitive columns (snapshots kept aside as
 * objects), so a sweep loads its data once and replays it many times, from many threads at once. About 34 bytes
 * per event, with no object per event.
 */
public final class EventTape {
    static final byte SNAPSHOT = 0;
    static final byte DELTA = 1;
    static final byte TRADE = 2;
    static final byte INDEX = 3;
    static final byte CLOSE = 4;

    final int size;
    final byte[] kind;
    final long[] ts;
    final long[] seq;
    /** Market id, or index symbol for index ticks. */
    final int[] instrument;
    /** Price in ticks; for snapshots, the position in {@link #snapshots}. */
    final int[] price;
    /** Delta or count in hundredths; for index ticks, the level's raw double bits. */
    final long[] quantity;
    /** {@link BookSide#code()} of the book side or taker side. */
    final byte[] side;
    final List<BookSnapshot> snapshots;

    private EventTape(Builder b) {
        size = b.size;
        kind = Arrays.copyOf(b.kind, size);
        ts = Arrays.copyOf(b.ts, size);
        seq = Arrays.copyOf(b.seq, size);
        instrument = Arrays.copyOf(b.instrument, size);
        price = Arrays.copyOf(b.price, size);
        quantity = Arrays.copyOf(b.quantity, size);
        side = Arrays.copyOf(b.side, size);
        snapshots = List.copyOf(b.snapshots);
    }

    /** Reads {@code source} to its end (without closing it) into a tape. */
    public static EventTape record(EventSource source) {
        Builder builder = new Builder();
        for (MarketEvent event = source.next(); event != null; event = source.next()) {
            builder.add(event);
        }
        return new EventTape(builder);
    }

    /** Number of events on the tape. */
    public int size() {
        return size;
    }

    /** A fresh source reading the tape from the start; each call is independent. */
    public EventSource source() {
        return new Cursor(this);
    }

    /** Reads a tape; {@link Replay} reads its columns directly instead of building event objects. */
    static final class Cursor implements EventSource {
        final EventTape tape;
        int next;

        Cursor(EventTape tape) {
            this.tape = tape;
        }

        @Override
        public MarketEvent next() {
            if (next >= tape.size) {
                return null;
            }
            return tape.event(next++);
        }
    }

    MarketEvent event(int i) {
        BookSide s = BookSide.ofCode(side[i]);
        return switch (kind[i]) {
            case SNAPSHOT -> snapshots.get(price[i]);
            case DELTA -> new BookDelta(ts[i], seq[i], instrument[i], s, price[i], quantity[i]);
            case TRADE -> new Trade(ts[i], seq[i], instrument[i], price[i], quantity[i], s);
            case INDEX -> new IndexTick(ts[i], seq[i], instrument[i], Double.longBitsToDouble(quantity[i]));
            default -> new MarketClose(ts[i], seq[i], instrument[i]);
        };
    }

    private static final class Builder {
        int size;
        byte[] kind = new byte[1024];
        long[] ts = new long[1024];
        long[] seq = new long[1024];
        int[] instrument = new int[1024];
        int[] price = new int[1024];
        long[] quantity = new long[1024];
        byte[] side = new byte[1024];
        final List<BookSnapshot> snapshots = new ArrayList<>();

        void add(MarketEvent event) {
            if (size == kind.length) {
                int capacity = Math.multiplyExact(kind.length, 2);
                kind = Arrays.copyOf(kind, capacity);
                ts = Arrays.copyOf(ts, capacity);
                seq = Arrays.copyOf(seq, capacity);
                instrument = Arrays.copyOf(instrument, capacity);
                price = Arrays.copyOf(price, capacity);
                quantity = Arrays.copyOf(quantity, capacity);
                side = Arrays.copyOf(side, capacity);
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
    }
}
