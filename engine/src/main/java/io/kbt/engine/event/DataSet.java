package io.kbt.engine.event;

import io.kbt.engine.market.Instruments;
import java.util.List;

/**
 * Market data selected for one replay, from any store (a {@code --data} directory, PostgreSQL, memory): the
 * markets and symbols, one ordered stream of their events, and the notes and warnings met while selecting them
 * (skipped files, markets created from their ticker).
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
