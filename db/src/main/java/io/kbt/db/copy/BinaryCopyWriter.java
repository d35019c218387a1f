package io.kbt.db.copy;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes rows in PostgreSQL's binary COPY format ({@code COPY t FROM STDIN (FORMAT binary)}): no text escaping
 * or number formatting on our side and none to parse on the server's.
 */
public final class BinaryCopyWriter implements AutoCloseable {
    /** Microseconds from the Unix epoch to PostgreSQL's epoch, 2000-01-01 UTC. */
    public static final long PG_EPOCH_MICROS = 946_684_800_000_000L;
    static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    static final int INT4_OID = 23;
    static final int INT8_OID = 20;

    private final DataOutputStream out;
    private long rows;

    public BinaryCopyWriter(OutputStream sink) {
        this.out = new DataOutputStream(new BufferedOutputStream(sink, 1 << 16));
        try {
            out.write(SIGNATURE);
            out.writeInt(0);
            out.writeInt(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public BinaryCopyWriter row(int fields) throws IOException {
        out.writeShort(fields);
        rows++;
        return this;
    }

    public BinaryCopyWriter int2(int value) throws IOException {
        out.writeInt(2);
        out.writeShort(value);
        return this;
    }

    public BinaryCopyWriter int4(int value) throws IOException {
        out.writeInt(4);
        out.writeInt(value);
        return this;
    }

    public BinaryCopyWriter int8(long value) throws IOException {
        out.writeInt(8);
        out.writeLong(value);
        return this;
    }

    public BinaryCopyWriter float8(double value) throws IOException {
        out.writeInt(8);
        out.writeDouble(value);
        return this;
    }

    /** A timestamptz from UTC epoch microseconds. */
    public BinaryCopyWriter timestamp(long epochMicros) throws IOException {
        return int8(epochMicros - PG_EPOCH_MICROS);
    }

    public BinaryCopyWriter text(String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
        return this;
    }

    /** A one-dimensional {@code integer[]} of the first {@code n} values. */
    public BinaryCopyWriter int4Array(int[] values, int n) throws IOException {
        out.writeInt(n == 0 ? 12 : 20 + 8 * n);
        arrayHeader(n, INT4_OID);
        for (int i = 0; i < n; i++) {
            out.writeInt(4);
            out.writeInt(values[i]);
        }
        return this;
    }

    /** A one-dimensional {@code bigint[]} of the first {@code n} values. */
    public BinaryCopyWriter int8Array(long[] values, int n) throws IOException {
        out.writeInt(n == 0 ? 12 : 20 + 12 * n);
        arrayHeader(n, INT8_OID);
        for (int i = 0; i < n; i++) {
            out.writeInt(8);
            out.writeLong(values[i]);
        }
        return this;
    }

    private void arrayHeader(int n, int elementOid) throws IOException {
        out.writeInt(n == 0 ? 0 : 1);
        out.writeInt(0);
        out.writeInt(elementOid);
        if (n > 0) {
            out.writeInt(n);
            out.writeInt(1);
        }
    }

    public long rows() {
        return rows;
    }

    /** Writes the trailer and closes the sink. */
    @Override
    public void close() throws IOException {
        out.writeShort(-1);
        out.close();
    }
}
