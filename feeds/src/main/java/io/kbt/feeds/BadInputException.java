package io.kbt.feeds;

/**
 * Input data that cannot be used as it is: malformed, off the price grid, out of order, a delta before its
 * market's snapshot. Carries the file and line so the user can find it; the CLI exits 3 on it.
 */
public final class BadInputException extends RuntimeException {
    private final String source;
    private final long line;

    public BadInputException(String source, long line, String problem) {
        this(source, line, problem, null);
    }

    public BadInputException(String source, long line, String problem, Throwable cause) {
        super(source + (line > 0 ? ":" + line : "") + ": " + problem, cause);
        this.source = source;
        this.line = line;
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
