package io.kbt.feeds;

import java.nio.file.Path;

/**
 * What every line-oriented reader shares: the file it reads line by line, its counters and the line of the event
 * it last returned.
 */
abstract class LineFeedReader implements FeedReader {
    protected final LineSource lines;
    protected final FeedStats stats = new FeedStats();
    protected long line;

    LineFeedReader(Path file, String sourceName) {
        this.lines = new LineSource(file, sourceName);
    }

    LineFeedReader(java.io.InputStream in, String sourceName) {
        this.lines = new LineSource(in, sourceName);
    }

    @Override
    public final String sourceName() {
        return lines.sourceName();
    }

    @Override
    public final long line() {
        return line;
    }

    @Override
    public final FeedStats stats() {
        return stats;
    }

    @Override
    public void close() {
        lines.close();
    }
}
