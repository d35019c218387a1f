package io.kbt.db.imports;

import io.kbt.db.Database;
import io.kbt.db.market.MarketStore;
import io.kbt.engine.market.TickSize;
import io.kbt.feeds.BadInputException;
import io.kbt.feeds.MarketInfo;
import io.kbt.feeds.MarketsJsonReader;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jooq.exception.DataAccessException;

/**
 * {@code kbt import markets}: upserts Kalshi market objects by ticker in one transaction, completing markets that
 * recordings created from their ticker. Naturally idempotent: the same file again changes nothing. A tick size
 * that differs from the stored one of a market with stored events is bad input (it would reprice them).
 */
public final class MarketsImporter {
    /** Markets of one file by what happened to them. */
    public record Report(String file, int created, int updated, int unchanged, double seconds) {
        public String summary() {
            return String.format("%s: %d market%s: %d created, %d updated, %d unchanged in %.1f s", file,
                    created + updated + unchanged, created + updated + unchanged == 1 ? "" : "s", created, updated,
                    unchanged, seconds);
        }
    }

    private final Database db;

    public MarketsImporter(Database db) {
        this.db = db;
    }

    /**
     * A stored market's prices are ticks of its tick size: changing the size under stored events would
     * reinterpret every one of them, so it is refused.
     */
    private static void checkTickSize(MarketStore store, MarketsJsonReader.Entry entry, String file) {
        MarketInfo info = entry.market();
        TickSize stored = store.tickSize(info.ticker());
        if (stored == null || stored.equals(info.tickSize())) {
            return;
        }
        long events = store.storedEvents(info.ticker());
        if (events > 0) {
            throw new BadInputException(file, entry.line(), String.format("market %s ticks in %s micro-dollars in the"
                    + " store and %s here, but %,d stored event%s are priced in its old ticks; nothing imported",
                    info.ticker(), stored.micros(), info.tickSize().micros(), events, events == 1 ? " is" : "s are"));
        }
    }

    public Report importFile(Path file) {
        long started = System.nanoTime();
        List<MarketsJsonReader.Entry> entries = new MarketsJsonReader(file).entries();
        Map<MarketStore.Change, Integer> changes = new EnumMap<>(MarketStore.Change.class);
        try {
            db.dsl().transaction(tx -> {
                MarketStore store = new MarketStore(tx.dsl());
                for (MarketsJsonReader.Entry entry : entries) {
                    checkTickSize(store, entry, file.toString());
                    changes.merge(store.upsert(entry.market()), 1, Integer::sum);
                }
            });
        } catch (DataAccessException e) {
            if (e.getCause() instanceof BadInputException bad) {
                throw bad;
            }
            throw e;
        }
        return new Report(file.toString(), changes.getOrDefault(MarketStore.Change.CREATED, 0),
                changes.getOrDefault(MarketStore.Change.UPDATED, 0),
                changes.getOrDefault(MarketStore.Change.UNCHANGED, 0), (System.nanoTime() - started) / 1e9);
    }
}
