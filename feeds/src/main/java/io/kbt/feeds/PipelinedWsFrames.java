package io.kbt.feeds;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The frames of a recording read ahead on a second thread, so that splitting lines and parsing frames (most of the
 * work of loading a websocket file) runs on one core while the caller turns the frames before into events on
 * another. Frames go over in batches that come back to be refilled; lines keep their true numbers since one thread
 * reads them all in order, and a line that cannot be read is thrown to the caller at its turn, after every frame
 * before it. The thread starts on the first {@link #next()} and is stopped by {@link #close()}.
 */
final class PipelinedWsFrames implements WsFrames {
    private static final int BATCH = 512;
    private static final int BATCHES = 4;

    /** Frames read ahead; {@code last} ends the file, {@code error} (after the frames) is the line that failed. */
    private static final class Batch {
        final WsFrame[] frames = new WsFrame[BATCH];
        int size;
        boolean last;
        RuntimeException error;
    }

    private final LineSource lines;
    private final BlockingQueue<Batch> full = new ArrayBlockingQueue<>(BATCHES);
    private final BlockingQueue<Batch> free = new ArrayBlockingQueue<>(BATCHES);
    private Thread reader;
    private Batch current;
    private int index;

    PipelinedWsFrames(LineSource lines, String sourceName) {
        this.lines = lines;
        JsonFields fields = new JsonFields(sourceName);
        for (int i = 0; i < BATCHES; i++) {
            Batch batch = new Batch();
            for (int j = 0; j < BATCH; j++) {
                batch.frames[j] = new WsFrame(fields.mapper().getFactory(), fields);
            }
            free.add(batch);
        }
    }

    @Override
    public WsFrame next() {
        if (reader == null) {
            reader = Thread.ofPlatform().daemon().name("kbt-frames " + lines.sourceName()).start(this::readAll);
        }
        while (current == null || index == current.size) {
            if (current != null) {
                if (current.error != null) {
                    throw current.error;
                }
                if (current.last) {
                    return null;
                }
                free.add(current);
            }
            current = take(full);
            index = 0;
        }
        return current.frames[index++];
    }

    /** The reading thread: fills batches until the end of the file, a line that cannot be read, or a stop. */
    private void readAll() {
        WsFrameScanner scanner = new WsFrameScanner();
        try {
            while (true) {
                Batch batch = free.take();
                batch.size = 0;
                try {
                    while (batch.size < BATCH && !batch.last) {
                        if (!lines.next()) {
                            batch.last = true;
                        } else if (!lines.blank()) {
                            batch.frames[batch.size].read(lines, scanner);
                            batch.size++;
                        }
                    }
                } catch (RuntimeException e) {
                    batch.error = e;
                    batch.last = true;
                }
                full.put(batch);
                if (batch.last) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            // Stopped by close(): nobody waits for the rest.
        }
    }

    private static Batch take(BlockingQueue<Batch> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading frames", e);
        }
    }

    @Override
    public void close() {
        if (reader == null) {
            return;
        }
        reader.interrupt();
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
