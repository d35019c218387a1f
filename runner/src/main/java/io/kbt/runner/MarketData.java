package io.kbt.runner;

import io.kbt.db.Database;
import io.kbt.db.DbUrl;
import io.kbt.db.history.CandleBooks;
import io.kbt.db.replay.StoredData;
import io.kbt.engine.event.DataSet;
import io.kbt.engine.event.ListEventSource;
import io.kbt.engine.event.MarketEvent;
import io.kbt.engine.market.Instruments;
import io.kbt.engine.market.Selection;
import io.kbt.feeds.DataDirectory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        return load(selection, opened, plugins, CandleBooks.Mode.AUTO, 1_000);
    }

    /**
     * As {@link #load(Selection, Database, ClassLoader)}, each market's book {@code recorded} or built from the
     * stored candles ({@code book}) with {@code displayed} hundredths of a contract on each side.
     */
    default LoadedData load(Selection selection, Database opened, ClassLoader plugins, CandleBooks.Mode book,
            long displayed) {
        Map<String, String> sources = new LinkedHashMap<>();
        LoadedData loaded = LoadedData.load(opener(opened, plugins, book, displayed, sources), selection,
                origin(opened));
        return this instanceof Store || this instanceof StoreUrl ? loaded.withBookSources(sources)
                : loaded;
    }

    /**
     * Opens a selection as a stream of events, without reading it (a sweep splits the stream into shards, each
     * opened here): from PostgreSQL each market's book is recorded or built from candles ({@code book}), its source
     * put in {@code bookSources} by ticker.
     */
    default Function<Selection, DataSet> opener(Database opened, ClassLoader plugins, CandleBooks.Mode book,
            long displayed, Map<String, String> bookSources) {
        if (book == CandleBooks.Mode.CANDLES && (this instanceof Directory || this instanceof Memory)) {
            throw new InvalidRunException("--book candles reads fetched candles from PostgreSQL; not with --data");
        }
        return switch (this) {
            case Directory(Path dir) -> new DataDirectory(dir, plugins)::open;
            case Store(Database db) -> fromStore(db, book, displayed, bookSources);
            case StoreUrl u -> fromStore(opened, book, displayed, bookSources);
            case Memory(Instruments instruments, List<MarketEvent> events) ->
                    s -> new DataSet(instruments, new ListEventSource(events), List.of());
        };
    }

    private static Function<Selection, DataSet> fromStore(Database db, CandleBooks.Mode book, long displayed,
            Map<String, String> bookSources) {
        return s -> {
            CandleBooks.Opened opened = CandleBooks.open(db, s, book, displayed);
            bookSources.putAll(opened.bookSources());
            return opened.data();
        };
    }

    /** The selection's markets, without streaming their events from the database. */
    default Instruments instruments(Selection selection, Database opened, ClassLoader plugins) {
        return switch (this) {
            case Store(Database db) -> new StoredData(db).select(selection).instruments();
            case StoreUrl u -> new StoredData(opened).select(selection).instruments();
            default -> {
                try (DataSet data = opener(opened, plugins, CandleBooks.Mode.RECORDED, 0, new LinkedHashMap<>())
                        .apply(selection)) {
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
