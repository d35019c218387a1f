package io.kbt.engine.event;

import java.util.List;
import java.util.PriorityQueue;

/**
 * K-way merge of sources that are each in (ts, seq) order into one stream in (ts, seq) order. Ties on both
 * go to the source listed first, so the merge is deterministic.
 */
public final class MergedEventSource implements EventSource {
    private record Head(MarketEvent event, int source) {}

    private final List<? extends EventSource> sources;
    private final PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> {
        int byTs = Long.compare(a.event.ts(), b.event.ts());
        if (byTs != 0) {
            return byTs;
        }
        int bySeq = Long.compare(a.event.seq(), b.event.seq());
        return bySeq != 0 ? bySeq : Integer.compare(a.source, b.source);
    });

    public MergedEventSource(List<? extends EventSource> sources) {
        this.sources = List.copyOf(sources);
        for (int i = 0; i < this.sources.size(); i++) {
            advance(i);
        }
    }

    @Override
    public MarketEvent next() {
        Head head = heads.poll();
        if (head == null) {
            return null;
        }
        advance(head.source);
        return head.event;
    }

    private void advance(int source) {
        MarketEvent event = sources.get(source).next();
        if (event != null) {
            heads.add(new Head(event, source));
        }
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
