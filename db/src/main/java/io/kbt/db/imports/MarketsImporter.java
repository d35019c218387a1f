package io.kbt.db.imports;

import io.kbt.db.Database;
import io.kbt.db.market.MarketStore;
import io.kbt.feeds.MarketInfo;
import io.kbt.feeds.MarketsJsonReader;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code kbt import markets}: upserts Kalshi market objects by ticker in one transaction, completing markets that
 * recordings created from their ticker. Naturally idempotent: the same file again changes nothing.
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

    public Report importFile(Path file) {
        long started = System.nanoTime();
        List<MarketInfo> infos = new MarketsJsonReader(file).read();
        Map<MarketStore.Change, Integer> changes = new EnumMap<>(MarketStore.Change.class);
        db.dsl().transaction(tx -> {
            MarketStore store = new MarketStore(tx.dsl());
            for (MarketInfo info : infos) {
                changes.merge(store.upsert(info), 1, Integer::sum);
            }
        });
        return new Report(file.toString(), changes.getOrDefault(MarketStore.Change.CREATED, 0),
                changes.getOrDefault(MarketStore.Change.UPDATED, 0),
                changes.getOrDefault(MarketStore.Change.UNCHANGED, 0), (System.nanoTime() - started) / 1e9);
    }
}
