package io.kbt.db.history;

import io.kbt.db.market.MarketStore;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jooq.DSLContext;

/** The {@code fee_change} table: each series' fee changes from {@code GET /series/fee_changes}, by Kalshi's id. */
public final class FeeChangeStore {
    /** A series charges {@code feeType} × {@code multiplier} from {@code scheduledTs} (UTC epoch µs) on. */
    public record FeeChange(String id, String seriesTicker, String feeType, BigDecimal multiplier, long scheduledTs) {}

    private final DSLContext dsl;

    public FeeChangeStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Inserts or updates by id; returns how many rows were new or changed. */
    public int upsert(FeeChange change) {
        return dsl.execute("insert into fee_change (id, series_ticker, fee_type, fee_multiplier, scheduled_ts) "
                + "values (?, ?, ?, ?, ?::timestamptz) on conflict (id) do update set series_ticker = excluded.series_ticker, "
                + "fee_type = excluded.fee_type, fee_multiplier = excluded.fee_multiplier, "
                + "scheduled_ts = excluded.scheduled_ts where (fee_change.series_ticker, fee_change.fee_type, "
                + "fee_change.fee_multiplier, fee_change.scheduled_ts) is distinct from (excluded.series_ticker, "
                + "excluded.fee_type, excluded.fee_multiplier, excluded.scheduled_ts)",
                change.id(), change.seriesTicker(), change.feeType(), change.multiplier(),
                MarketStore.time(change.scheduledTs()));
    }

    /** The changes of these series in time order. */
    public List<FeeChange> of(Collection<String> series) {
        List<FeeChange> changes = new ArrayList<>();
        if (series.isEmpty()) {
            return changes;
        }
        dsl.fetch("select * from fee_change where series_ticker = any(?) order by scheduled_ts, id",
                (Object) series.toArray(String[]::new)).forEach(r -> changes.add(new FeeChange(
                        r.get("id", String.class), r.get("series_ticker", String.class), r.get("fee_type", String.class),
                        r.get("fee_multiplier", BigDecimal.class),
                        MarketStore.micros(r.get("scheduled_ts", OffsetDateTime.class)))));
        return changes;
    }
}
