package io.kbt.db.history;

import io.kbt.db.market.MarketStore;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;

/**
 * The {@code fetch_checkpoint} table: per kind of data and market, everything before {@code fetched_until} is
 * stored, so an interrupted {@code kbt fetch} continues there and a complete one is not asked again.
 */
public final class FetchCheckpoints {
    private final DSLContext dsl;

    public FetchCheckpoints(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** UTC epoch µs before which {@code kind} of {@code ticker} is stored, or {@code Long.MIN_VALUE}. */
    public long fetchedUntil(String kind, String ticker) {
        OffsetDateTime until = dsl.fetchOptional(
                "select fetched_until from fetch_checkpoint where kind = ? and ticker = ?", kind, ticker)
                .map(r -> r.get(0, OffsetDateTime.class)).orElse(null);
        return until == null ? Long.MIN_VALUE : MarketStore.micros(until);
    }

    public void fetched(String kind, String ticker, long until) {
        dsl.execute("insert into fetch_checkpoint (kind, ticker, fetched_until) values (?, ?, ?::timestamptz) "
                + "on conflict (kind, ticker) do update set fetched_until = excluded.fetched_until, updated_at = now()",
                kind, ticker, MarketStore.time(until));
    }
}
