package io.kbt.runner;

import io.kbt.db.Database;
import io.kbt.db.DbUrl;
import io.kbt.db.history.CandleBooks;
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
        if (book == CandleBooks.Mode.CANDLES && (this instanceof Directory || this instanceof Memory)) {
            throw new InvalidRunException("--book candles reads fetched candles from PostgreSQL; not with --data");
        }
        return switch (this) {
            case Directory(Path dir) -> LoadedData.load(new DataDirectory(dir, plugins)::open, selection, dir.toString());
            case Store(Database db) -> fromStore(db, selection, book, displayed);
            case StoreUrl u -> fromStore(opened, selection, book, displayed);
            case Memory(Instruments instruments, List<MarketEvent> events) -> LoadedData.load(
                    s -> new DataSet(instruments, new ListEventSource(events), List.of()), selection, "memory");
        };
    }

    private static LoadedData fromStore(Database db, Selection selection, CandleBooks.Mode book, long displayed) {
        Map<String, String> sources = new LinkedHashMap<>();
        LoadedData loaded = LoadedData.load(s -> {
            CandleBooks.Opened opened = CandleBooks.open(db, s, book, displayed);
            sources.putAll(opened.bookSources());
            return opened.data();
        }, selection, "PostgreSQL " + db.url().describe());
        return loaded.withBookSources(sources);
    }
}
