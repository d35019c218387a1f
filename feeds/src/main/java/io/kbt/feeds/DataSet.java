package io.kbt.feeds;

import io.kbt.engine.event.EventSource;
import io.kbt.engine.market.Instruments;
import java.util.List;

/**
 * What {@link DataDirectory#open} hands the replay: the selected markets and symbols, one ordered stream of
 * their events over all files, and the notes and warnings met while scanning (skipped files, markets created
 * from their ticker).
 */
public record DataSet(Instruments instruments, EventSource events, List<String> warnings) implements AutoCloseable {
    public DataSet {
        warnings = List.copyOf(warnings);
    }

    @Override
    public void close() {
        events.close();
    }
}
