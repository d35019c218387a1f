package io.kbt.cli;

import io.kbt.db.DbUrl;
import io.kbt.engine.market.DailyClose;
import java.time.LocalDate;
import java.util.List;

/**
 * Daily closes of an index taken from the kbt store: the last stored tick of each New York day. {@code kbt fit
 * --symbol} reads through it so that the fit itself can be tested without a database.
 */
@FunctionalInterface
interface DailyCloseStore {
    /**
     * The closes of {@code symbol} on New York days {@code from}..{@code to} (inclusive), in date order, from the
     * database at {@code db}.
     */
    List<DailyClose> dailyCloses(DbUrl db, String symbol, LocalDate from, LocalDate to);
}
