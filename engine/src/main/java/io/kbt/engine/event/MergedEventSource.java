package io.kbt.engine.event;

import java.util.List;

/**
 * K-way merge of sources that are each in (ts, seq) order into one stream in (ts, seq) order. Ties on both
 * go to the source listed first, so the merge is deterministic. Each source's next event waits in arrays with its
 * (ts, seq), and a heap of source numbers orders them: loading a directory merges millions of events here, and a
 * queue of one object per event, compared through the event interface, took a quarter of that thread's time.
 */
public final class MergedEventSource implements EventSource {
    private final List<? extends EventSource> sources;
    private final MarketEvent[] heads;
    private final long[] headTs;
    private final long[] headSeq;
    /** The sources that have a next event, as a binary min-heap by (ts, seq, source). */
    private final int[] heap;
    private int size;

    public MergedEventSource(List<? extends EventSource> sources) {
        this.sources = List.copyOf(sources);
        int count = this.sources.size();
        heads = new MarketEvent[count];
        headTs = new long[count];
        headSeq = new long[count];
        heap = new int[count];
        for (int i = 0; i < count; i++) {
            if (advance(i)) {
                heap[size] = i;
                siftUp(size++);
            }
        }
    }

    @Override
    public MarketEvent next() {
        if (size == 0) {
            return null;
        }
        int source = heap[0];
        MarketEvent event = heads[source];
        if (!advance(source)) {
            heap[0] = heap[--size];
        }
        if (size > 0) {
            siftDown(0);
        }
        return event;
    }

    /** Takes the next event of {@code source} as its head; false when it has none. */
    private boolean advance(int source) {
        MarketEvent event = sources.get(source).next();
        heads[source] = event;
        if (event == null) {
            return false;
        }
        headTs[source] = event.ts();
        headSeq[source] = event.seq();
        return true;
    }

    private boolean before(int a, int b) {
        if (headTs[a] != headTs[b]) {
            return headTs[a] < headTs[b];
        }
        return headSeq[a] != headSeq[b] ? headSeq[a] < headSeq[b] : a < b;
    }

    private void siftUp(int at) {
        int source = heap[at];
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (!before(source, heap[parent])) {
                break;
            }
            heap[at] = heap[parent];
            at = parent;
        }
        heap[at] = source;
    }

    private void siftDown(int at) {
        int source = heap[at];
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && before(heap[child + 1], heap[child])) {
                child++;
            }
            if (!before(heap[child], source)) {
                break;
            }
            heap[at] = heap[child];
            at = child;
        }
        heap[at] = source;
    }

    @Override
    public void close() {
        RuntimeException first = null;
        for (EventSource source : sources) {
            try {
                source.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
