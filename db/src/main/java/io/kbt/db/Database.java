package io.kbt.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * The kbt store: a HikariCP pool on one PostgreSQL database, jOOQ on top of it, and the Flyway migrations that
 * define it. Opening checks the connection first so that an unreachable server becomes one
 * {@link DatabaseUnavailableException} line naming host:port/database, never a pool's stack trace or a password.
 */
public final class Database implements AutoCloseable {
    private static final String MISSING_DATABASE = "3D000";

    private final DbUrl url;
    private final HikariDataSource pool;
    private volatile DSLContext dsl;

    private Database(DbUrl url, HikariDataSource pool) {
        this.url = url;
        this.pool = pool;
    }

    /** Opens the database {@code --db} names (null: {@code KBT_DB_URL}, else the local default). */
    public static Database open(String dbOption) {
        return open(DbUrl.resolve(dbOption, System.getenv()));
    }

    /**
     * Opens the pool after checking the server with one connection (a failure becomes one
     * {@link DatabaseUnavailableException} line), which then stays in the pool for the first query: a command pays
     * one connection's start-up before its work, not a probe's and then the pool's.
     */
    public static Database open(DbUrl url) {
        Connection first;
        try {
            first = DriverManager.getConnection(url.jdbcUrl(), credentials(url));
        } catch (SQLException e) {
            throw unavailable(url, e);
        }
        HikariDataSource pool = new HikariDataSource(poolConfig(url, first));
        // The first connection stays; the pool itself keeps none idle beyond what commands leave there.
        pool.getHikariConfigMXBean().setMinimumIdle(0);
        return new Database(url, pool);
    }

    /**
     * {@code kbt db migrate}: creates the database when the server does not have it, then applies every pending
     * migration. Returns how many were applied.
     */
    public static int migrate(DbUrl url) {
        createIfMissing(url);
        try (Database db = open(url)) {
            return db.migrate();
        }
    }

    /** Applies pending migrations to this database; returns how many ran. */
    public int migrate() {
        MigrateResult result = Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return result.migrationsExecuted;
    }

    /** Creates {@code url}'s database through the server's {@code postgres} database unless it exists. */
    public static boolean createIfMissing(DbUrl url) {
        try (Connection ignored = connect(url)) {
            return false;
        } catch (SQLException e) {
            if (!MISSING_DATABASE.equals(e.getSQLState())) {
                throw unavailable(url, e);
            }
        }
        DbUrl admin = url.withDatabase("postgres");
        try (Connection c = connect(admin); Statement s = c.createStatement()) {
            s.execute("create database " + quoteIdentifier(url.database()));
            return true;
        } catch (SQLException e) {
            throw unavailable(admin, e);
        }
    }

    /** A fresh unpooled connection; callers that hold one for a long COPY use this to leave the pool alone. */
    public static Connection connect(DbUrl url) throws SQLException {
        Properties props = credentials(url);
        props.setProperty("ApplicationName", "kbt");
        props.setProperty("connectTimeout", "10");
        return DriverManager.getConnection(url.jdbcUrl(), props);
    }

    public DbUrl url() {
        return url;
    }

    public DataSource dataSource() {
        return pool;
    }

    /** jOOQ on the pool, made on first use: a backtest's path uses plain JDBC and never loads jOOQ. */
    public DSLContext dsl() {
        DSLContext made = dsl;
        if (made == null) {
            synchronized (this) {
                made = dsl;
                if (made == null) {
                    made = DSL.using(pool, SQLDialect.POSTGRES);
                    dsl = made;
                }
            }
        }
        return made;
    }

    /** A pooled connection, with failures to get one reported as {@link DatabaseUnavailableException}. */
    public Connection connection() {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw unavailable(url, e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    /**
     * A failure of {@code what} in the database: {@link DatabaseUnavailableException} when the connection was lost
     * (the server went away, the backend was terminated), so the CLI says so with exit 4; else an
     * {@link IllegalStateException} with the server's first line.
     */
    public RuntimeException failure(String what, Exception e) {
        String server = e.getMessage();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                server = sql.getMessage();
                break;
            }
        }
        if (connectionLost(e)) {
            return new DatabaseUnavailableException(what + ": lost the connection to PostgreSQL at " + url.describe()
                    + " (" + firstLine(server) + "); nothing of it was stored", e);
        }
        return new IllegalStateException(what + ": " + firstLine(server), e);
    }

    /** Whether {@code e} (or a cause) says the connection broke: SQLSTATE class 08, or 57P01..57P03. */
    public static boolean connectionLost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }

    /** One line naming host:port/database and what went wrong, never the password. */
    public static DatabaseUnavailableException unavailable(DbUrl url, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String why = switch (state) {
            case MISSING_DATABASE -> "database " + url.database() + " does not exist (run: kbt db migrate)";
            case "28P01", "28000" -> "authentication failed for user " + url.user();
            case "08001", "08004", "08006" -> "cannot connect (" + firstLine(e.getMessage()) + ")";
            default -> firstLine(e.getMessage());
        };
        return new DatabaseUnavailableException(
                "cannot use PostgreSQL at " + url.describe() + " as " + url.user() + ": " + why, e);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline >= 0 ? message.substring(0, newline) : message;
    }

    private static HikariConfig poolConfig(DbUrl url, Connection first) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(new PoolConnections(url.jdbcUrl(), credentials(url), first));
        config.setMaximumPoolSize(8);
        // Hikari's start-up check takes the first connection and keeps it only with an idle minimum.
        config.setMinimumIdle(1);
        config.setInitializationFailTimeout(1);
        config.setPoolName("kbt");
        config.setConnectionTimeout(10_000);
        return config;
    }

    private static Properties credentials(DbUrl url) {
        Properties props = new Properties();
        for (Map.Entry<String, String> option : url.options().entrySet()) {
            props.setProperty(option.getKey(), option.getValue());
        }
        props.setProperty("user", url.user());
        if (url.password() != null) {
            props.setProperty("password", url.password());
        }
        return props;
    }

    static String quoteIdentifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
