package io.kbt.db.imports;

import io.kbt.db.copy.BinaryCopyWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Binary COPY of an import's rows, overlapped with reading: rows collect in per-table chunks of a few MB, and a
 * single worker thread, which owns the import's connection, has the monthly partitions a chunk needs created
 * (by {@link Partitions}, outside the import's transaction) and COPYs it while the reader parses the next one.
 * Every other use of the connection during the read (market look-ups) goes through the same worker, so the
 * connection is never used by two threads at once; every row stays in the caller's one transaction. At most
 * {@value #IN_FLIGHT} chunks wait, so memory stays bounded.
 */
final class CopyPipeline implements AutoCloseable {
    static final int CHUNK_BYTES = 4 << 20;
    private static final int IN_FLIGHT = 3;

    private final CopyManager copy;
    private final int chunkBytes;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "kbt-copy");
        thread.setDaemon(true);
        return thread;
    });
    private final Semaphore slots = new Semaphore(IN_FLIGHT);
    private final List<Future<?>> pending = new ArrayList<>();
    private final Map<EventTable, Chunk> chunks = new EnumMap<>(EventTable.class);
    private final long[] rows = new long[EventTable.values().length];
    private final Partitions partitions;
    private volatile boolean aborted;

    private static final class Chunk {
        final ByteArrayOutputStream bytes;
        final BinaryCopyWriter writer;
        final MonthSet months = new MonthSet();

        Chunk(int chunkBytes) {
            bytes = new ByteArrayOutputStream(chunkBytes + (1 << 17));
            writer = new BinaryCopyWriter(bytes);
        }
    }

    CopyPipeline(Connection connection, Partitions partitions, int chunkBytes) throws SQLException {
        this.partitions = partitions;
        this.chunkBytes = chunkBytes;
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
    }

    /** The writer for one more row of {@code table} at {@code ts}; the caller writes exactly one row to it. */
    BinaryCopyWriter row(EventTable table, long ts) {
        Chunk chunk = chunks.get(table);
        if (chunk != null && chunk.bytes.size() >= chunkBytes) {
            send(table, chunk);
            chunk = null;
        }
        if (chunk == null) {
            chunk = new Chunk(chunkBytes);
            chunks.put(table, chunk);
        }
        chunk.months.add(ts);
        rows[table.ordinal()]++;
        return chunk.writer;
    }

    long rows(EventTable table) {
        return rows[table.ordinal()];
    }

    /** Runs {@code work} on the connection's thread and waits for it. */
    <T> T call(Callable<T> work) {
        return await(worker.submit(work));
    }

    /** Sends what is left and waits until every row is in. */
    void finish() {
        for (Map.Entry<EventTable, Chunk> entry : chunks.entrySet()) {
            send(entry.getKey(), entry.getValue());
        }
        chunks.clear();
        for (Future<?> future : pending) {
            await(future);
        }
        pending.clear();
    }

    private void send(EventTable table, Chunk chunk) {
        failFast();
        try {
            chunk.writer.close();
            slots.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("import interrupted", e);
        }
        byte[] data = chunk.bytes.toByteArray();
        List<LocalDate> months = List.copyOf(chunk.months.months());
        pending.add(worker.submit(() -> {
            try {
                if (!aborted) {
                    partitions.ensure(table, months);
                    copy.copyIn(table.copyIn(), new ByteArrayInputStream(data));
                }
                return null;
            } finally {
                slots.release();
            }
        }));
    }

    /** Rethrows the failure of a chunk already sent, so a database error stops the read early. */
    private void failFast() {
        for (Iterator<Future<?>> it = pending.iterator(); it.hasNext(); ) {
            Future<?> future = it.next();
            if (future.isDone()) {
                await(future);
                it.remove();
            }
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("import interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof SQLException sql) {
                throw new IllegalStateException("COPY failed: " + sql.getMessage(), sql);
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Skips chunks not yet sent and waits for the one in progress, so the caller can roll back. */
    @Override
    public void close() {
        aborted = true;
        worker.shutdown();
        try {
            worker.awaitTermination(1, TimeUnit.HOURS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
