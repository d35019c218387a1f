package io.kbt.db.replay;

import io.kbt.db.Database;
import io.kbt.db.DbUrl;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;

/**
 * Connections for a replay's table streams, each opened on a virtual thread as soon as the replay starts: a
 * connection's start-up (a server backend, authentication) then overlaps selecting the markets instead of following
 * it. On the 2-core machine a connection costs 10-90 ms depending on load, about as much as the real day's rows.
 * Those never taken are closed by {@link #close}.
 */
final class StreamConnections implements AutoCloseable {
    private final DbUrl url;
    private final Deque<CompletableFuture<Connection>> opening = new ArrayDeque<>();

    StreamConnections(DbUrl url, int count) {
        this.url = url;
        var threads = Executors.newVirtualThreadPerTaskExecutor();
        for (int i = 0; i < count; i++) {
            opening.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return Database.connect(url);
                } catch (SQLException e) {
                    throw Database.unavailable(url, e);
                }
            }, threads));
        }
        threads.shutdown();
    }

    /** One of the connections, once open; a fresh one when all have been taken. */
    Connection take() {
        CompletableFuture<Connection> next;
        synchronized (opening) {
            next = opening.poll();
        }
        if (next == null) {
            try {
                return Database.connect(url);
            } catch (SQLException e) {
                throw Database.unavailable(url, e);
            }
        }
        try {
            return next.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    @Override
    public void close() {
        while (true) {
            CompletableFuture<Connection> next;
            synchronized (opening) {
                next = opening.poll();
            }
            if (next == null) {
                return;
            }
            try {
                next.join().close();
            } catch (CompletionException | SQLException e) {
                // a connection that failed to open or to close leaves nothing to release
            }
        }
    }
}
