package io.kbt.kalshi.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/** A recorder running on its own thread in a test, with what it told its listener. */
final class RecorderRun implements RecorderListener, AutoCloseable {
    final List<String> notes = new CopyOnWriteArrayList<>();
    final List<Path> sealedFiles = new CopyOnWriteArrayList<>();
    final List<Path> marketsFiles = new CopyOnWriteArrayList<>();
    final AtomicReference<RecorderStatus> status = new AtomicReference<>();
    final AtomicReference<Throwable> failure = new AtomicReference<>();
    final AtomicReference<Recorder.Summary> summary = new AtomicReference<>();
    final Recorder recorder;
    private final Thread thread;

    RecorderRun(RecordingOptions options) {
        this(options, Clock.systemUTC());
    }

    RecorderRun(RecordingOptions options, Clock clock) {
        recorder = new Recorder(options, this, clock);
        thread = new Thread(() -> {
            try {
                summary.set(recorder.run());
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "recorder");
        thread.start();
    }

    @Override
    public void note(String line) {
        notes.add(line);
    }

    @Override
    public void sealed(Path recording) {
        sealedFiles.add(recording);
    }

    @Override
    public void marketsWritten(Path marketsFile) {
        marketsFiles.add(marketsFile);
    }

    @Override
    public void status(RecorderStatus now) {
        status.set(now);
    }

    long frames() {
        RecorderStatus now = status.get();
        return now == null ? 0 : now.frames();
    }

    void awaitFrames(long frames) {
        await(() -> frames() >= frames, "the recorder to have " + frames + " frames (has " + frames() + "; notes "
                + notes + ", failure " + failure.get() + ")");
    }

    void awaitNote(Predicate<String> note, String what) {
        await(() -> notes.stream().anyMatch(note), what + " (notes: " + notes + ")");
    }

    static void await(java.util.function.BooleanSupplier condition, String what) {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** Stops the recorder and waits for it; returns its summary. */
    Recorder.Summary stop() throws InterruptedException {
        recorder.stop();
        thread.join(30_000);
        assertThat(thread.isAlive()).as("recorder stopped").isFalse();
        return summary.get();
    }

    Throwable awaitFailure() throws InterruptedException {
        thread.join(30_000);
        return failure.get();
    }

    @Override
    public void close() throws InterruptedException {
        if (thread.isAlive()) {
            stop();
        }
    }
}
