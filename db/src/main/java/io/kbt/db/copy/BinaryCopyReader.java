package io.kbt.db.copy;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads rows of PostgreSQL's binary COPY format ({@code COPY (...) TO STDOUT (FORMAT binary)}) one at a time, so
 * a result of any size streams through a fixed buffer. Fields are read in column order; NULLs are not expected.
 */
public final class BinaryCopyReader implements AutoCloseable {
    private final DataInputStream in;

    public BinaryCopyReader(InputStream source) throws IOException {
        this.in = new DataInputStream(new BufferedInputStream(source, 1 << 16));
        byte[] signature = new byte[BinaryCopyWriter.SIGNATURE.length];
        in.readFully(signature);
        if (!Arrays.equals(signature, BinaryCopyWriter.SIGNATURE)) {
            throw new IOException("not a binary COPY stream");
        }
        in.readInt();
        int extension = in.readInt();
        in.skipNBytes(extension);
    }

    /** Starts the next row: true with its fields ready to read, false at the end of the data. */
    public boolean nextRow() throws IOException {
        short fields;
        try {
            fields = in.readShort();
        } catch (EOFException e) {
            return false;
        }
        return fields != -1;
    }

    public short int2() throws IOException {
        expect(2);
        return in.readShort();
    }

    public int int4() throws IOException {
        expect(4);
        return in.readInt();
    }

    public long int8() throws IOException {
        expect(8);
        return in.readLong();
    }

    public double float8() throws IOException {
        expect(8);
        return in.readDouble();
    }

    /** A timestamptz as UTC epoch microseconds. */
    public long timestamp() throws IOException {
        return int8() + BinaryCopyWriter.PG_EPOCH_MICROS;
    }

    public String text() throws IOException {
        int length = in.readInt();
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public int[] int4Array() throws IOException {
        int n = arrayLength();
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            expect(4);
            values[i] = in.readInt();
        }
        return values;
    }

    public long[] int8Array() throws IOException {
        int n = arrayLength();
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            expect(8);
            values[i] = in.readLong();
        }
        return values;
    }

    private int arrayLength() throws IOException {
        in.readInt();
        int dimensions = in.readInt();
        in.readInt();
        in.readInt();
        if (dimensions == 0) {
            return 0;
        }
        int n = in.readInt();
        in.readInt();
        return n;
    }

    private void expect(int length) throws IOException {
        int actual = in.readInt();
        if (actual != length) {
            throw new IOException("binary COPY field of " + actual + " bytes where " + length + " were expected");
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
