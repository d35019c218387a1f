package io.kbt.db.market;

import static io.kbt.db.jooq.Tables.MARKET;

import io.kbt.db.jooq.tables.records.MarketRecord;
import io.kbt.engine.market.Market;
import io.kbt.engine.market.Result;
import io.kbt.engine.market.StrikeType;
import io.kbt.engine.market.TickSize;
import io.kbt.feeds.MarketInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * The {@code market} table: markets by ticker, created from a ticker when a recording mentions one the store does
 * not know, and completed (upserted) from Kalshi market objects.
 */
public final class MarketStore {
    /** What an upsert did to one market. */
    public enum Change {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    private final DSLContext dsl;

    public MarketStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    public DSLContext dsl() {
        return dsl;
    }

    /** Tick sizes of every stored market, for the readers' {@code TickerRegistry}. */
    public Map<String, TickSize> tickSizes() {
        Map<String, TickSize> sizes = new HashMap<>();
        dsl.select(MARKET.TICKER, MARKET.TICK_SIZE_MICROS).from(MARKET)
                .forEach(r -> sizes.put(r.value1(), new TickSize(r.value2())));
        return sizes;
    }

    /** The stored id of {@code ticker}, or null. */
    public Integer id(String ticker) {
        return dsl.select(MARKET.ID).from(MARKET).where(MARKET.TICKER.eq(ticker)).fetchOne(MARKET.ID);
    }

    /** The stored tick size of {@code ticker}, or null when the market is not stored. */
    public TickSize tickSize(String ticker) {
        Integer micros = dsl.select(MARKET.TICK_SIZE_MICROS).from(MARKET).where(MARKET.TICKER.eq(ticker))
                .fetchOne(MARKET.TICK_SIZE_MICROS);
        return micros == null ? null : new TickSize(micros);
    }

    /** How many book snapshots, deltas and trades of {@code ticker} are stored. */
    public long storedEvents(String ticker) {
        Integer id = id(ticker);
        if (id == null) {
            return 0;
        }
        return dsl.resultQuery("select (select count(*) from book_snapshot where market_id = {0})"
                + " + (select count(*) from book_delta where market_id = {0})"
                + " + (select count(*) from trade where market_id = {0})", id).fetchOne(0, Long.class);
    }

    /** Creates {@code ticker}'s market from what the ticker tells (event, series, underlying); returns its id. */
    public int createFromTicker(String ticker) {
        MarketRecord record = dsl.newRecord(MARKET);
        fill(record, MarketInfo.fromTicker(ticker));
        record.setCreatedFromTicker(true);
        record.store();
        return record.getId();
    }

    /** Inserts or completes the market {@code info} describes. */
    public Change upsert(MarketInfo info) {
        MarketRecord existing = dsl.selectFrom(MARKET).where(MARKET.TICKER.eq(info.ticker())).forUpdate().fetchOne();
        if (existing == null) {
            MarketRecord record = dsl.newRecord(MARKET);
            fill(record, info);
            record.setCreatedFromTicker(false);
            record.store();
            return Change.CREATED;
        }
        Object[] before = existing.intoArray();
        fill(existing, info);
        existing.setCreatedFromTicker(false);
        if (Arrays.equals(before, existing.intoArray())) {
            return Change.UNCHANGED;
        }
        existing.store();
        return Change.UPDATED;
    }

    private static void fill(MarketRecord record, MarketInfo info) {
        record.setTicker(info.ticker());
        record.setEventTicker(info.eventTicker());
        record.setSeriesTicker(info.seriesTicker());
        record.setStrikeType(info.strikeType().name().toLowerCase(Locale.ROOT));
        record.setFloorStrike(Double.isNaN(info.floorStrike()) ? null : info.floorStrike());
        record.setCapStrike(Double.isNaN(info.capStrike()) ? null : info.capStrike());
        record.setUnderlying(info.underlying());
        record.setOpenTime(info.openTime() == MarketInfo.UNKNOWN_OPEN ? null : time(info.openTime()));
        record.setCloseTime(info.closeTime() == MarketInfo.UNKNOWN_CLOSE ? null : time(info.closeTime()));
        record.setResult(info.result() == Result.UNKNOWN ? null : info.result().name().toLowerCase(Locale.ROOT));
        record.setTickSizeMicros(info.tickSize().micros());
    }

    /** The engine's view of a stored market under the replay's dense id. */
    public static Market toMarket(int denseId, MarketRecord r) {
        return toMarket(denseId, r.getTicker(), r.getEventTicker(), r.getSeriesTicker(), r.getStrikeType(),
                r.getFloorStrike(), r.getCapStrike(), r.getUnderlying(), r.getOpenTime(), r.getCloseTime(),
                r.getResult(), r.getTickSizeMicros());
    }

    /**
     * The market in the current row of {@code row}, a {@code select} of {@link #COLUMNS} over {@code market}: the
     * replay's path reads markets with plain JDBC (see {@code StoredData.select}).
     */
    public static Market toMarket(int denseId, ResultSet row) throws SQLException {
        return toMarket(denseId, row.getString("ticker"), row.getString("event_ticker"),
                row.getString("series_ticker"), row.getString("strike_type"), row.getObject("floor_strike", Double.class),
                row.getObject("cap_strike", Double.class), row.getString("underlying"),
                row.getObject("open_time", OffsetDateTime.class), row.getObject("close_time", OffsetDateTime.class),
                row.getString("result"), row.getInt("tick_size_micros"));
    }

    /** The {@code market} columns {@link #toMarket(int, ResultSet)} reads, and the stored id. */
    public static final String COLUMNS = "id, ticker, event_ticker, series_ticker, strike_type, floor_strike,"
            + " cap_strike, underlying, open_time, close_time, result, tick_size_micros";

    private static Market toMarket(int denseId, String ticker, String eventTicker, String seriesTicker,
            String strikeType, Double floorStrike, Double capStrike, String underlying, OffsetDateTime openTime,
            OffsetDateTime closeTime, String result, int tickSizeMicros) {
        return new Market(denseId, ticker, eventTicker, seriesTicker,
                StrikeType.valueOf(strikeType.toUpperCase(Locale.ROOT)),
                floorStrike == null ? Double.NaN : floorStrike,
                capStrike == null ? Double.NaN : capStrike,
                underlying,
                openTime == null ? Long.MIN_VALUE : micros(openTime),
                closeTime == null ? Long.MAX_VALUE : micros(closeTime),
                result == null ? Result.UNKNOWN : Result.valueOf(result.toUpperCase(Locale.ROOT)),
                new TickSize(tickSizeMicros));
    }

    public static OffsetDateTime time(long epochMicros) {
        return Instant.EPOCH.plusNanos(Math.multiplyExact(epochMicros, 1000L)).atOffset(ZoneOffset.UTC);
    }

    public static long micros(OffsetDateTime time) {
        Instant i = time.toInstant();
        return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000);
    }
}
