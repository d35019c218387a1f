package io.kbt.db.history;

import io.kbt.db.market.MarketStore;
import io.kbt.feeds.Candle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Record;

/** The {@code candle} table: fetched candles by market, period and end; a candle stored once stays as it is. */
public final class CandleStore {
    private final DSLContext dsl;

    public CandleStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Stores the candles not stored yet (one JDBC batch); returns how many were new. */
    public int insert(int marketId, List<Candle> candles) {
        if (candles.isEmpty()) {
            return 0;
        }
        BatchBindStep batch = dsl.batch(dsl.query("insert into candle (end_ts, volume, open_interest, market_id, "
                + "period_minutes, yes_bid_open, yes_bid_high, yes_bid_low, yes_bid_close, yes_ask_open, yes_ask_high, "
                + "yes_ask_low, yes_ask_close, price_open, price_high, price_low, price_close) values "
                + "(?::timestamptz, ?::bigint, ?::bigint, ?::integer, ?::smallint" + ", ?::integer".repeat(12)
                + ") on conflict do nothing",
                new Object[17]));
        for (Candle c : candles) {
            batch.bind(MarketStore.time(c.endTs()), c.volume(), c.openInterest(), marketId, (short) c.periodMinutes(),
                    n(c.yesBidOpen()), n(c.yesBidHigh()), n(c.yesBidLow()), n(c.yesBidClose()),
                    n(c.yesAskOpen()), n(c.yesAskHigh()), n(c.yesAskLow()), n(c.yesAskClose()),
                    n(c.priceOpen()), n(c.priceHigh()), n(c.priceLow()), n(c.priceClose()));
        }
        int added = 0;
        for (int n : batch.execute()) {
            added += Math.max(n, 0);
        }
        return added;
    }

    /** The candles of one market and period in time order. */
    public List<Candle> read(int marketId, int periodMinutes) {
        List<Candle> candles = new ArrayList<>();
        for (Record r : dsl.fetch("select * from candle where market_id = ? and period_minutes = ? order by end_ts",
                marketId, (short) periodMinutes)) {
            candles.add(new Candle(MarketStore.micros(r.get("end_ts", java.time.OffsetDateTime.class)), periodMinutes,
                    p(r, "yes_bid_open"), p(r, "yes_bid_high"), p(r, "yes_bid_low"), p(r, "yes_bid_close"),
                    p(r, "yes_ask_open"), p(r, "yes_ask_high"), p(r, "yes_ask_low"), p(r, "yes_ask_close"),
                    p(r, "price_open"), p(r, "price_high"), p(r, "price_low"), p(r, "price_close"),
                    r.get("volume", Long.class), r.get("open_interest", Long.class)));
        }
        return candles;
    }

    /** How many candles of any period each market has, by ticker. */
    public Map<String, Long> countsByTicker() {
        Map<String, Long> counts = new HashMap<>();
        dsl.fetch("select m.ticker, count(*) as n from candle c join market m on m.id = c.market_id group by m.ticker")
                .forEach(r -> counts.put(r.get("ticker", String.class), r.get("n", Long.class)));
        return counts;
    }

    private static Integer n(int ticks) {
        return ticks == Candle.NONE ? null : ticks;
    }

    private static int p(Record r, String column) {
        Integer v = r.get(column, Integer.class);
        return v == null ? Candle.NONE : v;
    }
}
