package io.kbt.feeds;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.zip.ZipException;

/**
 * The frames of a recording scanned on several threads at once: the file is cut into chunks of whole lines, each
 * read and scanned by whichever thread is free (splitting lines and parsing frames is most of the work of loading
 * a websocket file, and one big file would otherwise keep one core busy while the other waits), and the caller
 * takes the chunks back in file order, so every step that carries state from frame to frame (seq checks, books,
 * times) stays on the caller's thread in file order. A chunk numbers its lines from 1; the caller moves them down
 * by the lines of the chunks before it, errors included, so a bad line is reported at its true line after every
 * frame before it. Only a few chunks are ahead of the caller at any time. Threads start on the first
 * {@link #next()} and are stopped by {@link #close()}.
 */
final class ChunkedWsFrames implements WsFrames {
    /** Bytes read for a chunk (then to the end of its last line): a few thousand frames. */
    private static final int CHUNK_BYTES = 1 << 18;
    /** Chunks in flight, per scanning thread. */
    private static final int SLOTS_PER_THREAD = 3;

    /** One chunk of whole lines and its frames; the slot it lies in is refilled once the caller is past it. */
    private static final class Chunk {
        final JsonFields fields;
        byte[] bytes = new byte[CHUNK_BYTES + 1024];
        int length;
        /** Which chunk of the file this is; -1 while the slot is free. */
        long number = -1;
        boolean scanned;
        WsFrame[] frames = new WsFrame[0];
        int size;
        /** Lines in the chunk, blank ones included. */
        long lines;
        boolean last;
        /** A line of the chunk that could not be read (numbered within the chunk), after its frames. */
        RuntimeException error;
        /** The file could not be read past this chunk's lines. */
        IOException readError;
        /** What stopped the scanning thread on this chunk (no room for a line, a bug): rethrown, never waited on. */
        Throwable crash;

        Chunk(String sourceName) {
            fields = new JsonFields(sourceName);
        }

        WsFrame frame(int index) {
            if (index == frames.length) {
                frames = Arrays.copyOf(frames, Math.max(16, frames.length * 2));
            }
            if (frames[index] == null) {
                frames[index] = new WsFrame(fields.mapper().getFactory(), fields);
            }
            return frames[index];
        }
    }

    private final InputStream in;
    private final String sourceName;
    private final int threads;
    private final Chunk[] slots;
    private final Object lock = new Object();
    /** Guarded by {@link #lock}: the file is read in order by one thread at a time. */
    private byte[] carry = new byte[1024];
    private int carryLength;
    private boolean readToEnd;
    private long nextToRead;
    /** Guarded by {@link #lock}: the chunk the caller is at. */
    private long taken;
    private boolean stopped;
    private Thread[] scanners;
    private Chunk current;
    private int index;
    /** Lines of the chunks before {@link #current}. */
    private long linesBefore;

    /** Frames of {@code in}, the file's bytes from its start, on {@code threads} scanning threads. */
    ChunkedWsFrames(InputStream in, String sourceName, int threads) {
        this.in = in;
        this.sourceName = sourceName;
        this.threads = threads;
        this.slots = new Chunk[threads * SLOTS_PER_THREAD];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new Chunk(sourceName);
        }
    }

    @Override
    public WsFrame next() {
        if (scanners == null) {
            scanners = new Thread[threads];
            for (int i = 0; i < threads; i++) {
                scanners[i] = Thread.ofPlatform().daemon().name("kbt-frames " + sourceName)
                        .start(this::scanChunks);
            }
        }
        while (current == null || index == current.size) {
            if (current != null) {
                if (current.crash instanceof Error e) {
                    throw e;
                }
                if (current.crash != null) {
                    throw new IllegalStateException("reading " + sourceName + " after line " + linesBefore + ": "
                            + current.crash, current.crash);
                }
                if (current.error != null) {
                    throw current.error instanceof BadInputException bad ? bad.movedDown(linesBefore) : current.error;
                }
                linesBefore += current.lines;
                if (current.readError != null) {
                    throw readFailure(current.readError, linesBefore + 1);
                }
                if (current.last) {
                    return null;
                }
                synchronized (lock) {
                    current.number = -1;
                    current.scanned = false;
                    taken++;
                    lock.notifyAll();
                }
            }
            current = awaitScanned();
            index = 0;
        }
        WsFrame frame = current.frames[index++];
        frame.line += linesBefore;
        return frame;
    }

    private Chunk awaitScanned() {
        synchronized (lock) {
            Chunk chunk = slots[(int) (taken % slots.length)];
            while (chunk.number != taken || !chunk.scanned) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while reading frames", e);
                }
            }
            return chunk;
        }
    }

    private RuntimeException readFailure(IOException e, long line) {
        return e instanceof EOFException || e instanceof ZipException
                ? new BadInputException(sourceName, line, "file is cut short (gzip stream ends early)", e)
                : new UncheckedIOException("cannot read " + sourceName + " at line " + line, e);
    }

    /** A scanning thread: takes the next chunk of the file, scans it, and again, until the end or a stop. */
    private void scanChunks() {
        WsFrameScanner scanner = new WsFrameScanner();
        while (true) {
            Chunk chunk;
            synchronized (lock) {
                while (!stopped && !readToEnd && nextToRead - taken >= slots.length) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (stopped || readToEnd) {
                    return;
                }
                chunk = slots[(int) (nextToRead % slots.length)];
                chunk.number = nextToRead++;
                chunk.crash = null;
                try {
                    read(chunk);
                } catch (RuntimeException | Error e) {
                    // The file ends here for every thread; the caller reports why when it reaches this chunk.
                    chunk.size = 0;
                    chunk.crash = e;
                    chunk.last = true;
                    readToEnd = true;
                    chunk.scanned = true;
                    lock.notifyAll();
                    return;
                }
            }
            try {
                scan(chunk, scanner);
            } catch (Error e) {
                chunk.crash = e;
                chunk.last = true;
            } finally {
                synchronized (lock) {
                    chunk.scanned = true;
                    lock.notifyAll();
                }
            }
        }
    }

    /**
     * Fills {@code chunk} with the lines that follow: the bytes left over from the last chunk, then about
     * {@link #CHUNK_BYTES} more up to the end of a line (the whole rest at the end of the file).
     */
    private void read(Chunk chunk) {
        chunk.size = 0;
        chunk.lines = 0;
        chunk.error = null;
        chunk.readError = null;
        chunk.last = false;
        if (chunk.bytes.length < carryLength + CHUNK_BYTES) {
            chunk.bytes = new byte[carryLength + CHUNK_BYTES];
        }
        byte[] bytes = chunk.bytes;
        System.arraycopy(carry, 0, bytes, 0, carryLength);
        int length = carryLength;
        // The carry holds no line feed: it is what followed the last one.
        int lastEnd = 0;
        while (true) {
            if (bytes.length - length < CHUNK_BYTES / 2) {
                bytes = chunk.bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            int read;
            try {
                read = in.read(bytes, length, bytes.length - length);
            } catch (IOException e) {
                // The lines complete so far are read; the one cut short is where the file fails.
                chunk.readError = e;
                read = -1;
            }
            if (read < 0) {
                readToEnd = true;
                chunk.last = true;
                chunk.length = chunk.readError == null ? length : lastEnd;
                carryLength = 0;
                return;
            }
            int lineEnd = lastLineEnd(bytes, length, length + read);
            lastEnd = lineEnd > 0 ? lineEnd : lastEnd;
            length += read;
            if (lastEnd > 0 && length >= CHUNK_BYTES) {
                chunk.length = lastEnd;
                carryLength = length - lastEnd;
                if (carry.length < carryLength) {
                    carry = new byte[Math.max(carry.length * 2, carryLength)];
                }
                System.arraycopy(bytes, lastEnd, carry, 0, carryLength);
                return;
            }
        }
    }

    /** Just past the last line feed in {@code bytes[from, to)}, else 0. */
    private static int lastLineEnd(byte[] bytes, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (bytes[i] == '\n') {
                return i + 1;
            }
        }
        return 0;
    }

    private void scan(Chunk chunk, WsFrameScanner scanner) {
        LineSource lines = new LineSource(chunk.bytes, chunk.length, sourceName, chunk.number == 0);
        try {
            while (lines.next()) {
                if (!lines.blank()) {
                    chunk.frame(chunk.size).read(lines, scanner);
                    chunk.size++;
                }
            }
        } catch (RuntimeException e) {
            chunk.error = e;
        }
        chunk.lines = lines.lineNumber();
    }

    @Override
    public void close() {
        if (scanners == null) {
            return;
        }
        synchronized (lock) {
            stopped = true;
            lock.notifyAll();
        }
        for (Thread scanner : scanners) {
            try {
                scanner.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
