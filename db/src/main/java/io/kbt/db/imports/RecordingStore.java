package io.kbt.db.imports;

import io.kbt.db.Database;
import io.kbt.db.market.MarketStore;
import io.kbt.feeds.FeedReader;
import io.kbt.feeds.KalshiWsReader;
import io.kbt.feeds.TickerRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Stores a websocket recording in PostgreSQL while {@code kbt record} writes it: the recorder hands over each
 * segment of lines it has flushed to the file, a reader thread turns them into events through the same
 * {@link KalshiWsReader} as {@code kbt import kalshi-ws}, and whenever it has caught up with what was handed over
 * it COPYs the new rows and commits them with the line they reach ({@code recording_progress}). The file's
 * {@code import_batch} takes the sealed file's SHA-256 at {@link #seal}, so the database then holds exactly what
 * importing the sealed file would, and importing it again adds nothing. After a crash, {@link #finishRecovered}
 * stores the rest of the recovered file from the recorded line on.
 */
public final class RecordingStore implements AutoCloseable {
    private static final String KIND = "kalshi-ws";
    /**
     * Lines waiting for the database beyond this many bytes mean it cannot keep up: the store stops taking them (so
     * memory stays bounded) and finishes from the sealed file instead, from the last line it stored.
     */
    static final long MAX_QUEUED_BYTES = 64L << 20;

    private final Database db;
    private final String fileName;
    private final String path;
    private volatile int batch;
    private final Segments segments;
    private final Thread thread;
    private volatile Throwable failure;
    private volatile long storedThrough;

    private RecordingStore(Database db, Path sealedName, long maxQueuedBytes) {
        this.db = db;
        this.segments = new Segments(maxQueuedBytes);
        this.fileName = sealedName.getFileName().toString();
        this.path = sealedName.toAbsolutePath().normalize().toString();
        this.thread = new Thread(this::store, "kbt-record-db");
        thread.setDaemon(true);
    }

    /** Starts storing the recording that will be sealed as {@code sealedName}. */
    public static RecordingStore start(Database db, Path sealedName) {
        return start(db, sealedName, MAX_QUEUED_BYTES);
    }

    static RecordingStore start(Database db, Path sealedName, long maxQueuedBytes) {
        RecordingStore store = new RecordingStore(db, sealedName, maxQueuedBytes);
        store.thread.start();
        return store;
    }

    /** Lines the recorder has just flushed to the file, whole lines ending in {@code \n}. */
    public void append(byte[] lines) {
        segments.add(lines);
    }

    /** The last line whose event is committed. */
    public long storedThrough() {
        return storedThrough;
    }

    /** What went wrong storing, or null. */
    public Throwable failure() {
        return failure;
    }

    /**
     * The file is sealed: stores the rest, sets the batch's identity to the sealed file's SHA-256 and returns the
     * number of the batch; throws what went wrong while storing, if anything did.
     */
    public int seal(Path sealedFile) throws InterruptedException {
        segments.end();
        thread.join();
        if (failure != null) {
            throw new IllegalStateException(fileName + ": storing the recording failed: " + failure.getMessage(),
                    failure);
        }
        if (segments.overflowed) {
            finishRecovered(db, sealedFile);
        }
        return identify(db, batch, fileName, Sha256.of(sealedFile, sealedFile.toString()));
    }

    /** True once the database fell so far behind that the rest is stored from the sealed file. */
    public boolean behind() {
        return segments.overflowed;
    }

    @Override
    public void close() {
        segments.end();
        thread.interrupt();
    }

    private void store() {
        try (Connection connection = db.connection()) {
            connection.setAutoCommit(false);
            batch = batch(connection, fileName, path);
            connection.commit();
            try (Rows rows = new Rows(connection, new Partitions(db), batch, fileName, 0)) {
                segments.onCaughtUp = () -> {
                    rows.commit();
                    storedThrough = rows.lastSeq();
                };
                TickerRegistry registry = new TickerRegistry(new MarketStore(DSL.using(connection,
                        SQLDialect.POSTGRES)).tickSizes());
                try (FeedReader reader = new KalshiWsReader(segments, fileName, registry)) {
                    rows.readAll(reader, registry);
                } catch (Overflow behind) {
                    // what was read is committed below; the sealed file gives the rest
                }
                rows.commit();
                storedThrough = rows.lastSeq();
            }
        } catch (Throwable e) {
            failure = e;
        }
    }

    /**
     * Finishes storing a recovered file whose recording stopped part way (a killed recorder): the events after
     * the stored line. Returns false when the file has no recording batch (it is then imported as any file).
     */
    public static boolean finishRecovered(Database db, Path sealedFile) {
        String name = sealedFile.getFileName().toString();
        int batch;
        try (Connection connection = db.connection()) {
            connection.setAutoCommit(false);
            long through;
            try (PreparedStatement select = connection.prepareStatement("select batch_id, through_seq from"
                    + " recording_progress where path = ? and not sealed order by batch_id desc limit 1 for update")) {
                select.setString(1, sealedFile.toAbsolutePath().normalize().toString());
                try (ResultSet result = select.executeQuery()) {
                    if (!result.next()) {
                        return false;
                    }
                    batch = result.getInt(1);
                    through = result.getLong(2);
                }
            }
            try (Rows rows = new Rows(connection, new Partitions(db), batch, name, through)) {
                TickerRegistry registry = new TickerRegistry(new MarketStore(DSL.using(connection,
                        SQLDialect.POSTGRES)).tickSizes());
                try (FeedReader reader = new KalshiWsReader(sealedFile, registry)) {
                    rows.readAll(reader, registry);
                }
                rows.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(name + ": storing the recovered recording failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        identify(db, batch, name, Sha256.of(sealedFile, sealedFile.toString()));
        return true;
    }

    /**
     * Removes what a failed store of {@code recording} left (its rows and batch), so that importing the file later
     * stores it once. Does nothing when the file's store was sealed or never began.
     */
    public static void discard(Database db, Path recording) {
        String fileName = recording.getFileName().toString();
        try (Connection connection = db.connection()) {
            connection.setAutoCommit(false);
            Integer batch = null;
            try (PreparedStatement select = connection.prepareStatement("select batch_id from recording_progress"
                    + " where path = ? and not sealed order by batch_id desc limit 1")) {
                select.setString(1, recording.toAbsolutePath().normalize().toString());
                try (ResultSet result = select.executeQuery()) {
                    if (result.next()) {
                        batch = result.getInt(1);
                    }
                }
            }
            if (batch != null) {
                for (EventTable table : EventTable.values()) {
                    try (PreparedStatement delete = connection.prepareStatement(
                            "delete from " + table.table() + " where batch_id = ?")) {
                        delete.setInt(1, batch);
                        delete.executeUpdate();
                    }
                }
                try (PreparedStatement delete = connection.prepareStatement("delete from import_batch where id = ?")) {
                    delete.setInt(1, batch);
                    delete.executeUpdate();
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(fileName + ": cannot remove the unfinished recording: " + e.getMessage(), e);
        }
    }

    /** A new batch for a recording file, with a placeholder identity until the file is sealed. */
    private static int batch(Connection connection, String fileName, String path) throws SQLException {
        int batch;
        try (PreparedStatement insert = connection.prepareStatement("insert into import_batch (kind, file_name, sha256)"
                + " values (?, ?, ?) returning id")) {
            insert.setString(1, KIND);
            insert.setString(2, fileName);
            insert.setString(3, "recording:" + path + "@" + System.currentTimeMillis());
            try (ResultSet result = insert.executeQuery()) {
                result.next();
                batch = result.getInt(1);
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into recording_progress (batch_id, path) values (?, ?)")) {
            insert.setInt(1, batch);
            insert.setString(2, path);
            insert.executeUpdate();
        }
        return batch;
    }

    private static int identify(Database db, int batch, String fileName, String sha256) {
        try (Connection connection = db.connection();
                PreparedStatement update = connection.prepareStatement(
                        "update import_batch set sha256 = ?, imported_at = now() where id = ?");
                PreparedStatement sealed = connection.prepareStatement(
                        "update recording_progress set sealed = true where batch_id = ?")) {
            connection.setAutoCommit(false);
            update.setString(1, sha256);
            update.setInt(2, batch);
            update.executeUpdate();
            sealed.setInt(1, batch);
            sealed.executeUpdate();
            connection.commit();
            return batch;
        } catch (SQLException e) {
            throw new IllegalStateException(fileName + ": cannot mark the recording as sealed: " + e.getMessage(), e);
        }
    }

    /**
     * The flushed segments as one stream of bytes for the reader; before it would wait for more, it runs
     * {@link #onCaughtUp} (commit what was read), so commits follow the recorder's flushes.
     */
    private static final class Overflow extends RuntimeException {
        Overflow() {
            super(null, null, false, false);
        }
    }

    private static final class Segments extends InputStream {
        private final Deque<byte[]> queue = new ArrayDeque<>();
        private final long maxQueuedBytes;
        private long queuedBytes;
        volatile boolean overflowed;
        private boolean ended;
        private byte[] current = new byte[0];
        private int position;
        Runnable onCaughtUp = () -> {};

        Segments(long maxQueuedBytes) {
            this.maxQueuedBytes = maxQueuedBytes;
        }

        synchronized void add(byte[] lines) {
            if (overflowed) {
                return;
            }
            if (queuedBytes + lines.length > maxQueuedBytes) {
                overflowed = true;
                queue.clear();
                queuedBytes = 0;
            } else {
                queue.add(lines);
                queuedBytes += lines.length;
            }
            notifyAll();
        }

        synchronized void end() {
            ended = true;
            notifyAll();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (position == current.length && !next()) {
                return -1;
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, n);
            position += n;
            return n;
        }

        private boolean next() throws IOException {
            synchronized (this) {
                if (overflowed) {
                    throw new Overflow();
                }
                if (!queue.isEmpty()) {
                    take();
                    return true;
                }
            }
            onCaughtUp.run();
            synchronized (this) {
                while (queue.isEmpty() && !ended && !overflowed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        throw new InterruptedIOException("recording store stopped");
                    }
                }
                if (overflowed) {
                    throw new Overflow();
                }
                if (queue.isEmpty()) {
                    return false;
                }
                take();
                return true;
            }
        }

        private void take() {
            current = queue.poll();
            queuedBytes -= current.length;
            position = 0;
        }
    }
}
