package io.kbt.engine.replay;

import io.kbt.engine.event.EventSource;
import io.kbt.engine.event.MarketEvent;

/**
 * A compact, immutable, in-memory copy of an event stream in primitive columns (snapshots kept aside as
 * objects), so a sweep loads its data once and replays it many times, from many threads at once. About 34 bytes
 * per event, with no object per event.
 */
public final class EventTape {
    final int size;
    /** Trimmed to {@link #size}, never added to again. */
    final EventColumns columns;

    private EventTape(EventColumns columns) {
        columns.trim();
        this.size = columns.size;
        this.columns = columns;
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
        return columns.event(i, columns.instrument[i]);
    }
}
