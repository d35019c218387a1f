package io.kbt.runner;

import io.kbt.db.Database;
import io.kbt.db.DbUrl;
import io.kbt.db.replay.StoredData;
import io.kbt.engine.event.DataSet;
import io.kbt.engine.event.ListEventSource;
import io.kbt.engine.event.MarketEvent;
import io.kbt.engine.market.Instruments;
import io.kbt.engine.market.Selection;
import io.kbt.feeds.DataDirectory;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where a run's market data comes from: a directory of recordings ({@code --data DIR}), PostgreSQL (an open
 * {@link Database}, or a JDBC URL opened for the run), or events already in memory.
 */
public sealed interface MarketData {
    /** The recordings under {@code dir}, classified by extension and content as {@code --data DIR} does. */
    static MarketData directory(Path dir) {
        return new Directory(Objects.requireNonNull(dir, "dir"));
    }

    /** The store behind {@code db}; runs are saved there too. The caller keeps and closes {@code db}. */
    static MarketData database(Database db) {
        return new Store(Objects.requireNonNull(db, "db"));
    }

    /**
     * The store at {@code jdbcUrl} ({@code null}: env {@code KBT_DB_URL}, else {@value DbUrl#DEFAULT_URL}),
     * opened for the run and closed after it.
     */
    static MarketData database(String jdbcUrl) {
        return new StoreUrl(jdbcUrl);
    }

    /** {@code events} (in time order) over {@code instruments}; every market is replayed whatever the selection. */
    static MarketData events(Instruments instruments, List<? extends MarketEvent> events) {
        return new Memory(instruments, List.copyOf(events));
    }

    record Directory(Path dir) implements MarketData {}

    record Store(Database db) implements MarketData {}

    record StoreUrl(String url) implements MarketData {}

    record Memory(Instruments instruments, List<MarketEvent> events) implements MarketData {}

    /** The database this data needs opened, or {@code null}; the caller closes it. */
    default Database open() {
        return this instanceof StoreUrl(String url) ? Database.open(DbUrl.resolve(url, System.getenv())) : null;
    }

    /**
     * Reads {@code selection} into a tape; {@code opened} is what {@link #open} returned, {@code plugins} finds the
     * data formats a directory may hold besides kbt's own.
     */
    default LoadedData load(Selection selection, Database opened, ClassLoader plugins) {
        return LoadedData.load(opener(opened, plugins), selection, origin(opened));
    }

    /** Opens a selection as a stream of events, without reading it (a sweep splits the stream into shards). */
    default Function<Selection, DataSet> opener(Database opened, ClassLoader plugins) {
        return switch (this) {
            case Directory(Path dir) -> new DataDirectory(dir, plugins)::open;
            case Store(Database db) -> new StoredData(db)::open;
            case StoreUrl u -> new StoredData(opened)::open;
            case Memory(Instruments instruments, List<MarketEvent> events) ->
                    s -> new DataSet(instruments, new ListEventSource(events), List.of());
        };
    }

    /** The selection's markets, without streaming their events from the database. */
    default Instruments instruments(Selection selection, Database opened, ClassLoader plugins) {
        return switch (this) {
            case Store(Database db) -> new StoredData(db).select(selection).instruments();
            case StoreUrl u -> new StoredData(opened).select(selection).instruments();
            default -> {
                try (DataSet data = opener(opened, plugins).apply(selection)) {
                    yield data.instruments();
                }
            }
        };
    }

    /** Where the data comes from, for messages. */
    default String origin(Database opened) {
        return switch (this) {
            case Directory(Path dir) -> dir.toString();
            case Store(Database db) -> "PostgreSQL " + db.url().describe();
            case StoreUrl u -> "PostgreSQL " + opened.url().describe();
            case Memory m -> "memory";
        };
    }
}
