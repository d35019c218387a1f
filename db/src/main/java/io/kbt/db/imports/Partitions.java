package io.kbt.db.imports;

import io.kbt.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates the monthly partitions of the event tables, outside any import's transaction, so that concurrent
 * imports and backtests never wait on each other for them: each partition is created as a plain table and then
 * attached, which locks the parent only in SHARE UPDATE EXCLUSIVE mode (readers and COPY writers go on), and
 * creators take one advisory lock and create in a fixed order, so two imports never race to create the same one.
 * A partition so created outlives an import that rolls back; it holds no rows.
 */
final class Partitions {
    /** The advisory lock every kbt partition creator takes ("kbtpart"). */
    private static final long LOCK = 0x6b62_7470_6172_74L;

    private final Database db;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    Partitions(Database db) {
        this.db = db;
    }

    /** Makes sure {@code table} has a partition for each UTC month starting on a day of {@code months}. */
    void ensure(EventTable table, Collection<LocalDate> months) throws SQLException {
        Set<LocalDate> missing = new TreeSet<>();
        for (LocalDate month : months) {
            if (!known.contains(name(table, month))) {
                missing.add(month);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        try (Connection c = db.connection()) {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("select pg_advisory_lock(" + LOCK + ")");
            }
            try {
                for (LocalDate month : missing) {
                    create(c, table, month);
                    known.add(name(table, month));
                }
            } finally {
                try (Statement s = c.createStatement()) {
                    s.execute("select pg_advisory_unlock(" + LOCK + ")");
                }
            }
        }
    }

    private static void create(Connection c, EventTable table, LocalDate month) throws SQLException {
        String name = name(table, month);
        try (PreparedStatement exists = c.prepareStatement("select to_regclass(?) is not null")) {
            exists.setString(1, name);
            try (ResultSet rs = exists.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return;
                }
            }
        }
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("create table " + name + " (like " + table.table() + " including defaults including constraints)");
            s.execute(String.format("alter table %s attach partition %s for values from ('%s 00:00:00+00') to"
                    + " ('%s 00:00:00+00')", table.table(), name, month, month.plusMonths(1)));
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    static String name(EventTable table, LocalDate month) {
        return String.format("%s_p%04d_%02d", table.table(), month.getYear(), month.getMonthValue());
    }
}
