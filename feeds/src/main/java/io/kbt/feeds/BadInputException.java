package io.kbt.feeds;

/**
 * Input data that cannot be used as it is: malformed, off the price grid, out of order, a delta before its
 * market's snapshot. Carries the file and line so the user can find it; the CLI exits 3 on it.
 */
public final class BadInputException extends RuntimeException {
    private final String source;
    private final long line;
    private final String problem;

    public BadInputException(String source, long line, String problem) {
        this(source, line, problem, null);
    }

    public BadInputException(String source, long line, String problem, Throwable cause) {
        super(source + (line > 0 ? ":" + line : "") + ": " + problem, cause);
        this.source = source;
        this.line = line;
        this.problem = problem;
    }

    /**
     * The same problem {@code lines} lines further down, for a part of a file read on its own and numbered from 1
     * (see {@link ChunkedWsFrames}); unchanged when it is not tied to a line.
     */
    BadInputException movedDown(long lines) {
        return line > 0 ? new BadInputException(source, line + lines, problem, getCause()) : this;
    }

    /** The file (or stream) the bad input came from. */
    public String source() {
        return source;
    }

    /** 1-based line number, 0 when the problem is not tied to a line (e.g. an empty file). */
    public long line() {
        return line;
    }
}
