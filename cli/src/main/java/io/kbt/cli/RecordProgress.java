package io.kbt.cli;

import io.kbt.kalshi.ws.RecorderListener;
import io.kbt.kalshi.ws.RecorderStatus;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * {@code kbt record}'s progress on stderr: on a terminal one status line rewritten every second (markets,
 * frames/s, gaps, reconnects, lag); otherwise a log line a minute. Notes (gaps, reconnects, errors) get a line each.
 */
final class RecordProgress implements RecorderListener {
    private static final long LOG_EVERY_NANOS = 60_000_000_000L;

    private final PrintWriter err;
    private final boolean terminal;
    private long lastLog;
    private boolean lineOpen;

    RecordProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public synchronized void status(RecorderStatus status) {
        if (terminal) {
            err.print("\r" + status.line() + "   ");
            lineOpen = true;
            err.flush();
            return;
        }
        long now = System.nanoTime();
        if (lastLog == 0 || now - lastLog >= LOG_EVERY_NANOS) {
            lastLog = now;
            err.println(Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + status.line());
            err.flush();
        }
    }

    @Override
    public synchronized void note(String line) {
        endLine();
        err.println("kbt: " + line);
        err.flush();
    }

    /** Ends the status line before the summary. */
    synchronized void end() {
        endLine();
        err.flush();
    }

    private void endLine() {
        if (lineOpen) {
            err.println();
            lineOpen = false;
        }
    }
}
