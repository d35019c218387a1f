package io.kbt.engine.replay;

import io.kbt.engine.event.BookDelta;
import io.kbt.engine.event.BookSide;
import io.kbt.engine.event.BookSnapshot;
import io.kbt.engine.event.EventSource;
import io.kbt.engine.event.IndexTick;
import io.kbt.engine.event.MarketClose;
import io.kbt.engine.event.MarketEvent;
import io.kbt.engine.event.Trade;
import java.util.Arrays;
import java.util.List;

/**
 * A compact, immutable, in-memory copy of an event stream in primitive columns (snapshots kept aside as
 * objects), so a sweep loads its data once and replays it many times, from many threads at once. About 34 bytes
 * per event, with no object per event.
 */
public final class EventTape {
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

    private EventTape(EventColumns b) {
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
        EventColumns builder = new EventColumns(1024);
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
            case EventColumns.SNAPSHOT -> snapshots.get(price[i]);
            case EventColumns.DELTA -> new BookDelta(ts[i], seq[i], instrument[i], s, price[i], quantity[i]);
            case EventColumns.TRADE -> new Trade(ts[i], seq[i], instrument[i], price[i], quantity[i], s);
            case EventColumns.INDEX -> new IndexTick(ts[i], seq[i], instrument[i],
                    Double.longBitsToDouble(quantity[i]));
            default -> new MarketClose(ts[i], seq[i], instrument[i]);
        };
    }
}
