package io.kbt.db.replay;

import io.kbt.engine.event.EventSource;
import io.kbt.engine.event.MarketEvent;
import java.util.List;

/**
 * Merges the table streams of a replay into one (ts, seq) ordered stream. Unlike {@code MergedEventSource} it
 * breaks ties on (batch, sub) too, so that events of one file sharing a time and seq (a trade and the book
 * change of the same order) come back in the order the file had them, whichever table holds them.
 */
final class StoredEventSource implements EventSource {
    private final List<TableStream> streams;
    private final StoredRow[] heads;

    StoredEventSource(List<TableStream> streams) {
        this.streams = List.copyOf(streams);
        this.heads = new StoredRow[streams.size()];
        for (int i = 0; i < heads.length; i++) {
            heads[i] = this.streams.get(i).next();
        }
    }

    @Override
    public MarketEvent next() {
        int best = -1;
        for (int i = 0; i < heads.length; i++) {
            if (heads[i] != null && (best < 0 || StoredRow.compare(heads[i], heads[best]) < 0)) {
                best = i;
            }
        }
        if (best < 0) {
            return null;
        }
        MarketEvent event = heads[best].event();
        heads[best] = streams.get(best).next();
        return event;
    }

    @Override
    public void close() {
        streams.forEach(TableStream::close);
    }
}
