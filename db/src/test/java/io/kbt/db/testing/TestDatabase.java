package io.kbt.db.testing;

import io.kbt.db.Database;
import io.kbt.db.DbUrl;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * A fresh, migrated PostgreSQL database for one test class, dropped on {@link #close()}. The server is, in order:
 * {@code KBT_TEST_DB_URL} (any database on it; each test class gets its own beside it), the local server at
 * 127.0.0.1:5432 as user {@code postgres}, or a Testcontainers PostgreSQL when Docker is available.
 *
 * <pre>{@code
 * static TestDatabase db;
 * @BeforeAll static void create() { db = TestDatabase.create(MyTest.class); }
 * @AfterAll static void drop() { db.close(); }
 * }</pre>
 */
public final class TestDatabase implements AutoCloseable {
    private final DbUrl server;
    private final DbUrl url;

    private TestDatabase(DbUrl server, DbUrl url) {
        this.server = server;
        this.url = url;
    }

    /** Creates and migrates a database named after {@code testClass}. */
    public static TestDatabase create(Class<?> testClass) {
        return create(testClass, true);
    }

    /** Creates a database named after {@code testClass}, migrated or left empty (to test {@code kbt db migrate}). */
    public static TestDatabase create(Class<?> testClass, boolean migrate) {
        DbUrl server = Server.URL;
        String name = uniqueName(testClass);
        execute(server, "create database " + name);
        TestDatabase db = new TestDatabase(server, server.withDatabase(name));
        if (migrate) {
            Database.migrate(db.url);
        }
        return db;
    }

    /**
     * A database name on the test server that does not exist yet (to test that {@code kbt db migrate} creates it);
     * {@link #close()} drops it if it was created.
     */
    public static TestDatabase reserve(Class<?> testClass) {
        return new TestDatabase(Server.URL, Server.URL.withDatabase(uniqueName(testClass)));
    }

    /** The database's URL and credentials. */
    public DbUrl url() {
        return url;
    }

    /** A {@code --db} value for the CLI, credentials included. */
    public String jdbcUrl() {
        String base = url.jdbcUrl();
        String credentials = "user=" + url.user() + (url.password() != null ? "&password=" + url.password() : "");
        return base + (base.contains("?") ? "&" : "?") + credentials;
    }

    /** Opens a pool on it; the caller closes it. */
    public Database open() {
        return Database.open(url);
    }

    /** Each table's row count, in the order given (to show a failed command changed nothing). */
    public Map<String, Long> counts(List<String> tables) {
        Map<String, Long> counts = new LinkedHashMap<>();
        tables.forEach(t -> counts.put(t, count(t)));
        return counts;
    }

    /** Rows in {@code table} (partitions included). */
    public long count(String table) {
        try (Connection c = Database.connect(url); Statement s = c.createStatement();
                var rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until the database has {@code expected} unpooled connections ({@link Database#connect} names them kbt)
     * besides the counting one, failing if it never does: a closed connection's backend leaves the server's list
     * a moment after the client let it go.
     */
    public void awaitUnpooledConnections(int expected) {
        try (Connection c = Database.connect(url); Statement s = c.createStatement()) {
            long count = -1;
            for (int attempt = 0; attempt < 400 && count != expected; attempt++) {
                if (attempt > 0) {
                    Thread.sleep(25);
                }
                try (var rs = s.executeQuery("select count(*) from pg_stat_activity where datname = current_database()"
                        + " and application_name = 'kbt' and pid <> pg_backend_pid()")) {
                    rs.next();
                    count = rs.getLong(1);
                }
            }
            if (count != expected) {
                throw new AssertionError(url.database() + " has " + count + " unpooled kbt connections, expected "
                        + expected);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        execute(server, "drop database if exists " + url.database() + " with (force)");
    }

    private static String uniqueName(Class<?> testClass) {
        return ("kbt_test_" + testClass.getSimpleName() + "_"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL)).toLowerCase(Locale.ROOT);
    }

    /** Whether the database exists on the server. */
    public boolean exists() {
        try (Connection c = Database.connect(server); Statement s = c.createStatement();
                var rs = s.executeQuery("select 1 from pg_database where datname = '" + url.database() + "'")) {
            return rs.next();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute(DbUrl server, String sql) {
        try (Connection c = Database.connect(server); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database: " + sql + ": " + e.getMessage(), e);
        }
    }

    /** The server all test databases of this JVM live on, found once. */
    private static final class Server {
        static final DbUrl URL = find();

        private static DbUrl find() {
            Map<String, String> env = System.getenv();
            String configured = env.get("KBT_TEST_DB_URL");
            if (configured != null && !configured.isBlank()) {
                return DbUrl.parse(configured, env);
            }
            DbUrl local = DbUrl.parse("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres", Map.of());
            try (Connection ignored = Database.connect(local)) {
                return local;
            } catch (SQLException e) {
                // fall through to Docker
            }
            if (dockerAvailable()) {
                PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:16-alpine");
                container.start();
                return DbUrl.parse(container.getJdbcUrl(), Map.of())
                        .withCredentials(container.getUsername(), container.getPassword());
            }
            throw new IllegalStateException("no PostgreSQL for the tests: set KBT_TEST_DB_URL="
                    + "jdbc:postgresql://HOST:PORT/postgres?user=U&password=P (a role that may create databases), "
                    + "run a server on 127.0.0.1:5432 that lets user postgres in, or start Docker");
        }

        private static boolean dockerAvailable() {
            try {
                return DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException e) {
                return false;
            }
        }
    }
}
