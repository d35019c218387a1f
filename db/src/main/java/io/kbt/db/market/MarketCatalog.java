package io.kbt.db.market;

import io.kbt.engine.market.Selection;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;

/** {@code kbt markets}: stored markets with how many events of each kind they have and the span those cover. */
public final class MarketCatalog {
    /** One stored market and its data. Times are null when unknown / when there are no events. */
    public record Entry(
            String ticker,
            String seriesTicker,
            OffsetDateTime closeTime,
            String result,
            boolean createdFromTicker,
            long snapshots,
            long deltas,
            long trades,
            OffsetDateTime firstEvent,
            OffsetDateTime lastEvent) {}

    private final DSLContext dsl;

    public MarketCatalog(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Markets of the given series (all when empty) closing on a New York day within [from, to] (either bound may
     * be null; markets without a close time only show when neither is given), in close-time order.
     */
    public List<Entry> list(List<String> series, LocalDate from, LocalDate to) {
        StringBuilder sql = new StringBuilder("""
                select m.ticker, m.series_ticker, m.close_time, m.result, m.created_from_ticker,
                       coalesce(s.n, 0), coalesce(d.n, 0), coalesce(t.n, 0),
                       least(s.lo, d.lo, t.lo), greatest(s.hi, d.hi, t.hi)
                from market m
                left join (select market_id, count(*) n, min(ts) lo, max(ts) hi from book_snapshot group by market_id) s
                       on s.market_id = m.id
                left join (select market_id, count(*) n, min(ts) lo, max(ts) hi from book_delta group by market_id) d
                       on d.market_id = m.id
                left join (select market_id, count(*) n, min(ts) lo, max(ts) hi from trade group by market_id) t
                       on t.market_id = m.id
                where true
                """);
        List<Object> binds = new ArrayList<>();
        if (!series.isEmpty()) {
            sql.append(" and m.series_ticker = any(?)");
            binds.add(series.toArray(String[]::new));
        }
        if (from != null) {
            sql.append(" and m.close_time >= ?");
            binds.add(MarketStore.time(new Selection(List.of(), List.of(), from, from).fromMicros()));
        }
        if (to != null) {
            sql.append(" and m.close_time < ?");
            binds.add(MarketStore.time(new Selection(List.of(), List.of(), to, to).toMicrosExclusive()));
        }
        sql.append(" order by m.close_time nulls last, m.ticker");
        return dsl.resultQuery(sql.toString(), binds.toArray()).fetch(r -> new Entry(
                r.get(0, String.class), r.get(1, String.class), r.get(2, OffsetDateTime.class),
                r.get(3, String.class), r.get(4, Boolean.class), r.get(5, Long.class), r.get(6, Long.class),
                r.get(7, Long.class), r.get(8, OffsetDateTime.class), r.get(9, OffsetDateTime.class)));
    }
}
