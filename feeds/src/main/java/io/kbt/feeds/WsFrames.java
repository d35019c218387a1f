package io.kbt.feeds;

/** The frames of a websocket recording's lines, in file order, blank lines left out. */
interface WsFrames extends AutoCloseable {
    /**
     * The next frame, valid until the next call; {@code null} after the last. Throws the {@link BadInputException}
     * of a line that cannot be read when its turn comes, after every frame before it.
     */
    WsFrame next();

    /** Stops reading; does not close the lines. */
    @Override
    void close();
}
