package io.kbt.db.copy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import org.postgresql.copy.CopyOut;

/**
 * Reads the rows of a binary {@code COPY (...) TO STDOUT (FORMAT binary)} one protocol message at a time: the
 * server sends each row as one CopyData message (the first also carries the file header), so a row is decoded
 * straight from the driver's buffer, with no stream in between, and memory stays flat whatever the result size.
 * Fields are read in column order; NULLs are not expected.
 */
public final class BinaryCopyReader implements AutoCloseable {
    private static final int HEADER_BYTES = BinaryCopyWriter.SIGNATURE.length + 8;
    private final CopyOut copy;
    private ByteBuffer row;
    private boolean started;

    public BinaryCopyReader(CopyOut copy) {
        this.copy = copy;
    }

    /** Starts the next row: true with its fields ready to read, false at the end of the data. */
    public boolean nextRow() throws IOException {
        byte[] message;
        try {
            message = copy.readFromCopy();
        } catch (SQLException e) {
            throw new IOException("COPY out failed: " + e.getMessage(), e);
        }
        if (message == null) {
            return false;
        }
        row = ByteBuffer.wrap(message);
        if (!started) {
            started = true;
            if (message.length < HEADER_BYTES || !Arrays.equals(message, 0, BinaryCopyWriter.SIGNATURE.length,
                    BinaryCopyWriter.SIGNATURE, 0, BinaryCopyWriter.SIGNATURE.length)) {
                throw new IOException("not a binary COPY stream");
            }
            row.position(BinaryCopyWriter.SIGNATURE.length + 4);
            int extension = row.getInt();
            row.position(row.position() + extension);
            if (!row.hasRemaining()) {
                return nextRow();
            }
        }
        short fields = row.getShort();
        if (fields == -1) {
            // the trailer; the driver then reports the end of the COPY
            return nextRow();
        }
        return true;
    }

    public short int2() throws IOException {
        expect(2);
        return row.getShort();
    }

    public int int4() throws IOException {
        expect(4);
        return row.getInt();
    }

    public long int8() throws IOException {
        expect(8);
        return row.getLong();
    }

    public double float8() throws IOException {
        expect(8);
        return row.getDouble();
    }

    /** A timestamptz as UTC epoch microseconds. */
    public long timestamp() throws IOException {
        return int8() + BinaryCopyWriter.PG_EPOCH_MICROS;
    }

    public String text() {
        int length = row.getInt();
        String value = new String(row.array(), row.position(), length, StandardCharsets.UTF_8);
        row.position(row.position() + length);
        return value;
    }

    public int[] int4Array() throws IOException {
        int n = arrayLength();
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            expect(4);
            values[i] = row.getInt();
        }
        return values;
    }

    public long[] int8Array() throws IOException {
        int n = arrayLength();
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            expect(8);
            values[i] = row.getLong();
        }
        return values;
    }

    private int arrayLength() {
        row.getInt();
        int dimensions = row.getInt();
        row.getInt();
        row.getInt();
        if (dimensions == 0) {
            return 0;
        }
        int n = row.getInt();
        row.getInt();
        return n;
    }

    private void expect(int length) throws IOException {
        int actual = row.getInt();
        if (actual != length) {
            throw new IOException("binary COPY field of " + actual + " bytes where " + length + " were expected");
        }
    }

    /** Cancels the COPY if it is still running (a replay stopped early). */
    @Override
    public void close() throws IOException {
        if (copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException e) {
                throw new IOException("cancelling COPY: " + e.getMessage(), e);
            }
        }
    }
}
