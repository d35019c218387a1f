package io.kbt.feeds;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Lines of a text file, decoded as strict UTF-8 one line at a time so a bad byte or a gzip stream cut short is
 * reported at the exact line it falls on. Gzip is recognised by its magic bytes, whatever the file is called. A
 * UTF-8 byte order mark at the start (spreadsheet exports write one) is skipped.
 */
final class LineSource implements AutoCloseable {
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private final String sourceName;
    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] buffer;
    private int position;
    private int limit;
    private boolean eof;
    /** Where a line straddling two reads is put together. */
    private byte[] lineBytes = new byte[1024];
    /** The current line: in {@link #buffer} when it lies there whole, else in {@link #lineBytes}. */
    private byte[] lineArray = lineBytes;
    private int lineOffset;
    private int lineLength;
    private boolean ascii;
    private char[] chars = new char[1024];
    private int charLength;
    private long lineNumber;
    private boolean terminated;
    /** Whether the first line is the file's first (where a byte order mark is skipped). */
    private final boolean fileStart;

    LineSource(Path file, String sourceName) {
        this.sourceName = sourceName;
        this.in = open(file, sourceName);
        this.buffer = new byte[1 << 16];
        this.fileStart = true;
    }

    /** Lines of an uncompressed stream (the live recorder's frames as they are written). */
    LineSource(InputStream in, String sourceName) {
        this.sourceName = sourceName;
        this.in = in;
        this.buffer = new byte[1 << 16];
        this.fileStart = true;
    }

    /**
     * Lines of the first {@code length} bytes of {@code bytes}, read there without a copy: the file from its start
     * ({@code fileStart}), or a part of it from a line's start on, numbered from 1 there (see
     * {@link ChunkedWsFrames}).
     */
    LineSource(byte[] bytes, int length, String sourceName, boolean fileStart) {
        this.sourceName = sourceName;
        this.in = InputStream.nullInputStream();
        this.buffer = bytes;
        this.limit = length;
        this.eof = true;
        this.fileStart = fileStart;
    }

    private static InputStream open(Path file, String sourceName) {
        try {
            return openGunzipped(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(sourceName, 0, "no such file");
        } catch (EOFException | ZipException e) {
            throw new BadInputException(sourceName, 1, "gzip header is cut short or corrupt", e);
        } catch (IOException e) {
            throw new BadInputException(sourceName, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /** The bytes of {@code file}, gunzipped when it starts with gzip's magic number. */
    static InputStream openGunzipped(Path file) throws IOException {
        BufferedInputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            raw.mark(2);
            int first = raw.read();
            int second = raw.read();
            raw.reset();
            return first == 0x1f && second == 0x8b ? new GZIPInputStream(raw, 1 << 16) : raw;
        } catch (IOException e) {
            raw.close();
            throw e;
        }
    }

    /** Reads the next line; false at the end of the file. */
    boolean next() {
        lineLength = 0;
        lineArray = lineBytes;
        lineOffset = 0;
        boolean any = false;
        boolean copied = false;
        terminated = false;
        long high = 0;
        while (true) {
            if (position == limit) {
                if (eof || !fill()) {
                    if (!any) {
                        return false;
                    }
                    break;
                }
            }
            any = true;
            int start = position;
            int end = newline(start);
            for (int i = start; i + Long.BYTES <= end; i += Long.BYTES) {
                high |= (long) WORDS.get(buffer, i);
            }
            for (int i = Math.max(start, end - (end - start) % Long.BYTES); i < end; i++) {
                high |= buffer[i];
            }
            if (end < limit && !copied) {
                // The whole line lies in the buffer: it is used there, not copied.
                lineArray = buffer;
                lineOffset = start;
                lineLength = end - start;
            } else {
                append(start, end - start);
                copied = true;
            }
            if (end < limit) {
                position = end + 1;
                terminated = true;
                break;
            }
            position = limit;
        }
        lineNumber++;
        if (lineLength > 0 && lineArray[lineOffset + lineLength - 1] == '\r') {
            lineLength--;
        }
        if (lineNumber == 1 && fileStart && lineLength >= 3 && lineArray[lineOffset] == (byte) 0xef
                && lineArray[lineOffset + 1] == (byte) 0xbb && lineArray[lineOffset + 2] == (byte) 0xbf) {
            lineOffset += 3;
            lineLength -= 3;
            high = 0;
            for (int i = 0; i < lineLength; i++) {
                high |= lineArray[lineOffset + i];
            }
        }
        ascii = (high & 0x8080808080808080L) == 0;
        charLength = -1;
        if (!ascii) {
            decode();
        }
        return true;
    }

    /** The first line feed in the buffer from {@code from}, or {@link #limit}; eight bytes at a time. */
    private int newline(int from) {
        int i = from;
        for (; i + Long.BYTES <= limit; i += Long.BYTES) {
            long word = (long) WORDS.get(buffer, i) ^ 0x0a0a0a0a0a0a0a0aL;
            long hit = (word - 0x0101010101010101L) & ~word & 0x8080808080808080L;
            if (hit != 0) {
                return i + (Long.numberOfTrailingZeros(hit) >>> 3);
            }
        }
        while (i < limit && buffer[i] != '\n') {
            i++;
        }
        return i;
    }

    private void append(int from, int length) {
        if (lineLength + length > lineBytes.length) {
            lineBytes = Arrays.copyOf(lineBytes, Math.max(lineBytes.length * 2, lineLength + length));
        }
        System.arraycopy(buffer, from, lineBytes, lineLength, length);
        lineLength += length;
        lineArray = lineBytes;
    }

    private boolean fill() {
        try {
            int read = in.read(buffer, 0, buffer.length);
            if (read < 0) {
                eof = true;
                return false;
            }
            position = 0;
            limit = read;
            return true;
        } catch (EOFException | ZipException e) {
            throw new BadInputException(sourceName, lineNumber + 1, "file is cut short (gzip stream ends early)", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + sourceName + " at line " + (lineNumber + 1), e);
        }
    }

    private void decode() {
        if (chars.length < lineLength) {
            chars = new char[Math.max(chars.length * 2, lineLength)];
        }
        if (ascii) {
            for (int i = 0; i < lineLength; i++) {
                chars[i] = (char) lineArray[lineOffset + i];
            }
            charLength = lineLength;
            return;
        }
        decoder.reset();
        ByteBuffer bytes = ByteBuffer.wrap(lineArray, lineOffset, lineLength);
        CharBuffer out = CharBuffer.wrap(chars);
        CoderResult result = decoder.decode(bytes, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new BadInputException(sourceName, lineNumber,
                    "not valid UTF-8 (byte 0x" + Integer.toHexString(lineArray[bytes.position()] & 0xff)
                            + " at column " + (bytes.position() - lineOffset + 1) + ")");
        }
        charLength = out.position();
    }

    /**
     * The file's bytes from its start, gunzipped, for a reader that splits them itself instead of calling
     * {@link #next()}; it is closed with this source.
     */
    InputStream stream() {
        return in;
    }

    /** Whether the current line is all ASCII (then its bytes are its characters). */
    boolean ascii() {
        return ascii;
    }

    /** The array holding the current line's bytes (from {@link #offset()}), valid until the next {@link #next()}. */
    byte[] bytes() {
        return lineArray;
    }

    int offset() {
        return lineOffset;
    }

    /** FNV-1a over the current line's bytes, eight at a time (a byte at a time cost more than parsing a frame). */
    long hash() {
        int at = lineOffset;
        int end = at + lineLength;
        long hash = 0xcbf29ce484222325L;
        for (; at + Long.BYTES <= end; at += Long.BYTES) {
            hash = (hash ^ (long) WORDS.get(lineArray, at)) * 0x100000001b3L;
        }
        for (; at < end; at++) {
            hash = (hash ^ lineArray[at]) * 0x100000001b3L;
        }
        return hash;
    }

    /** The current line's length in bytes (without its line end). */
    int byteLength() {
        return lineLength;
    }

    /** The current line's characters, valid until the next call of {@link #next()}; decoded on first use. */
    char[] chars() {
        if (charLength < 0) {
            decode();
        }
        return chars;
    }

    int length() {
        if (charLength < 0) {
            decode();
        }
        return charLength;
    }

    String text() {
        return new String(chars(), 0, length());
    }

    boolean blank() {
        if (ascii) {
            for (int i = 0; i < lineLength; i++) {
                if (!Character.isWhitespace((char) lineArray[lineOffset + i])) {
                    return false;
                }
            }
            return true;
        }
        for (int i = 0; i < charLength; i++) {
            if (!Character.isWhitespace(chars[i])) {
                return false;
            }
        }
        return true;
    }

    /** Whether the current line ended with a newline (the last line of a file cut short does not). */
    boolean terminated() {
        return terminated;
    }

    /** 1-based number of the current line. */
    long lineNumber() {
        return lineNumber;
    }

    String sourceName() {
        return sourceName;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + sourceName, e);
        }
    }
}
