package io.kbt.db.imports;

import java.util.Arrays;

/** Per stream id (a reader's market or symbol id): the time span its events cover in one file, how many, where. */
final class StreamSpans {
    private long[] first = new long[0];
    private long[] last = new long[0];
    private long[] events = new long[0];
    private long[] firstLine = new long[0];

    void add(int id, long ts, long line) {
        if (id >= events.length) {
            int size = Math.max(id + 1, events.length * 2);
            first = Arrays.copyOf(first, size);
            last = Arrays.copyOf(last, size);
            events = Arrays.copyOf(events, size);
            firstLine = Arrays.copyOf(firstLine, size);
        }
        if (events[id]++ == 0) {
            first[id] = ts;
            firstLine[id] = line;
        }
        first[id] = Math.min(first[id], ts);
        last[id] = Math.max(last[id], ts);
    }

    int size() {
        return events.length;
    }

    long events(int id) {
        return events[id];
    }

    long first(int id) {
        return first[id];
    }

    long last(int id) {
        return last[id];
    }

    long firstLine(int id) {
        return firstLine[id];
    }
}
