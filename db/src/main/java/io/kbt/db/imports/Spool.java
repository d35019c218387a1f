package io.kbt.db.imports;

import io.kbt.db.copy.BinaryCopyWriter;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * One binary COPY file per event table, written while the recording is read. A connection runs one COPY at a
 * time, and a file interleaves all four tables, so rows wait here until the file has been read through (and
 * found good); the spool also tells which monthly partitions the rows need before any of them is sent.
 */
final class Spool implements AutoCloseable {
    private final Map<EventTable, Path> files = new EnumMap<>(EventTable.class);
    private final Map<EventTable, BinaryCopyWriter> writers = new EnumMap<>(EventTable.class);
    private final Map<EventTable, MonthSet> months = new EnumMap<>(EventTable.class);

    BinaryCopyWriter writer(EventTable table, long ts) {
        months.computeIfAbsent(table, t -> new MonthSet()).add(ts);
        return writers.computeIfAbsent(table, t -> {
            try {
                Path file = Files.createTempFile("kbt-" + t.table() + "-", ".copy");
                files.put(t, file);
                return new BinaryCopyWriter(Files.newOutputStream(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    long rows(EventTable table) {
        BinaryCopyWriter writer = writers.get(table);
        return writer == null ? 0 : writer.rows();
    }

    Map<EventTable, MonthSet> months() {
        return months;
    }

    /** Finishes the files; then {@link #open} reads one back. */
    void finish() throws IOException {
        for (BinaryCopyWriter writer : writers.values()) {
            writer.close();
        }
    }

    InputStream open(EventTable table) throws IOException {
        return new BufferedInputStream(Files.newInputStream(files.get(table)), 1 << 16);
    }

    boolean has(EventTable table) {
        return files.containsKey(table);
    }

    @Override
    public void close() {
        for (Path file : files.values()) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temp file left behind is not worth failing an import over
            }
        }
    }
}
