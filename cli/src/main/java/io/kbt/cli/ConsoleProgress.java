package io.kbt.cli;

import io.kbt.db.imports.ImportProgress;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on stderr for imports of large files (small ones finish before a bar would help). */
final class ConsoleProgress implements ImportProgress {
    private static final long LARGE_FILE_BYTES = 16L << 20;
    private ProgressBar bar;

    @Override
    public void start(String file, long sizeBytes) {
        if (sizeBytes >= LARGE_FILE_BYTES) {
            bar = new ProgressBarBuilder()
                    .setTaskName("read")
                    .setInitialMax(-1)
                    .setUnit(" events", 1)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .setUpdateIntervalMillis(500)
                    .showSpeed()
                    .build();
        }
    }

    @Override
    public void read(long events) {
        if (bar != null) {
            bar.stepTo(events);
        }
    }

    @Override
    public void loading() {
        if (bar != null) {
            bar.setExtraMessage(" loading (COPY)");
        }
    }

    @Override
    public void done() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
