package io.kbt.db;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Where the pool gets its connections: first the one {@link Database#open} made to check the server, then fresh
 * ones. Hikari's own start-up check would do both jobs, but it waits a second before reporting a server that is not
 * there.
 */
final class PoolConnections implements DataSource {
    private final String jdbcUrl;
    private final Properties properties;
    private final AtomicReference<Connection> first;
    private int loginTimeout;

    PoolConnections(String jdbcUrl, Properties properties, Connection first) {
        this.jdbcUrl = jdbcUrl;
        this.properties = properties;
        this.first = new AtomicReference<>(first);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection checked = first.getAndSet(null);
        return checked != null ? checked : DriverManager.getConnection(jdbcUrl, properties);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the pool's user comes from the URL");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // connections log through the driver's own logger
    }

    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no parent logger");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
