package io.kbt.kalshi.ws;

import java.nio.file.Path;

/** Where the recorder reports what it wrote: the database side of {@code kbt record} listens here. */
public interface RecorderListener {
    /** The markets file of a recording was (re)written: new markets, or results seen on the lifecycle channel. */
    default void marketsWritten(Path marketsFile) {}

    /**
     * Lines were flushed to recording {@code recording} (named as it will be once sealed): whole lines, each ending
     * in a newline, exactly as in the file. The database side stores them as they come.
     */
    default void flushed(Path recording, byte[] lines) {}

    /** A recording file was sealed (day over, stop, or a killed recorder's {@code .part} recovered). */
    default void sealed(Path recording) {}

    /** Status once a second while recording. */
    default void status(RecorderStatus status) {}

    /** A line worth telling the user (a gap, a reconnect, an error frame). */
    default void note(String line) {}

    RecorderListener NONE = new RecorderListener() {};
}
