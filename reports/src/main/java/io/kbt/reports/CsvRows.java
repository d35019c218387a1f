package io.kbt.reports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A CSV file written row by row as a run goes (RFC 4180 quoting, {@code \n} line ends), so long runs never hold
 * their rows in memory. I/O errors surface unchecked with the file name.
 */
final class CsvRows implements AutoCloseable {
    private final Path file;
    private final BufferedWriter out;
    private final int columns;
    private long rows;

    CsvRows(Path file, String... header) {
        this.file = file;
        this.columns = header.length;
        try {
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
        write((Object[]) header);
        rows = 0;
    }

    /** Writes one row; {@code null} fields are empty. */
    void write(Object... fields) {
        if (fields.length != columns) {
            throw new IllegalArgumentException(file + ": row of " + fields.length + " fields, header has " + columns);
        }
        try {
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                if (fields[i] != null) {
                    out.write(quoted(fields[i].toString()));
                }
            }
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        rows++;
    }

    long rows() {
        return rows;
    }

    private static String quoted(String field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return '"' + field.replace("\"", "\"\"") + '"';
            }
        }
        return field;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }
}
