package io.kbt.db.market;

import io.kbt.db.Database;
import io.kbt.db.DbUrl;
import io.kbt.engine.market.Selection;
import io.kbt.engine.market.DailyClose;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Daily closes from the store: per New York calendar day, the level of the symbol's last stored
 * {@code index_tick} (latest ts, then the stored order), the day's close for an index that stops ticking at 16:00.
 */
public final class StoredDailyCloses {
    private static final String LAST_TICK_PER_DAY = """
            select distinct on (day) day, level
            from (select (ts at time zone 'America/New_York')::date as day, level, ts, seq, batch_id, sub
                  from index_tick
                  where symbol = ? and ts >= ? and ts < ?) ticks
            order by day, ts desc, seq desc, batch_id desc, sub desc
            """;

    private StoredDailyCloses() {}

    /** The closes of {@code symbol} on New York days {@code from}..{@code to} (inclusive), in date order. */
    public static List<DailyClose> dailyCloses(DbUrl url, String symbol, LocalDate from, LocalDate to) {
        Selection days = new Selection(List.of(), List.of(), from, to);
        try (Database db = Database.open(url);
                Connection connection = db.connection();
                PreparedStatement query = connection.prepareStatement(LAST_TICK_PER_DAY)) {
            query.setString(1, symbol);
            query.setObject(2, utc(days.fromMicros()));
            query.setObject(3, utc(days.toMicrosExclusive()));
            List<DailyClose> closes = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    closes.add(new DailyClose(rows.getObject(1, LocalDate.class), rows.getDouble(2)));
                }
            }
            return closes;
        } catch (SQLException e) {
            throw new IllegalStateException("reading daily closes of " + symbol + " from the store: " + e.getMessage(), e);
        }
    }

    private static OffsetDateTime utc(long epochMicros) {
        return OffsetDateTime.ofInstant(Instant.EPOCH.plus(epochMicros, ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
