package io.kbt.engine.event;

import java.util.List;

/** An in-memory source over events that are already in (ts, seq) order. */
public final class ListEventSource implements EventSource {
    private final List<? extends MarketEvent> events;
    private int next;

    public ListEventSource(List<? extends MarketEvent> events) {
        this.events = events;
    }

    @Override
    public MarketEvent next() {
        return next < events.size() ? events.get(next++) : null;
    }
}
