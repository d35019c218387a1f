package io.kbt.cli;

import io.kbt.kalshi.rest.FetchProgress;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A bar with an ETA on stderr, one step per market (or series) of a fetch. */
final class FetchProgressBar implements FetchProgress {
    private ProgressBar bar;

    @Override
    public void start(String kind, long units) {
        bar = new ProgressBarBuilder().setTaskName("fetch " + kind).setInitialMax(units).setUnit(" markets", 1)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err))
                .setUpdateIntervalMillis(500).build();
    }

    @Override
    public void step(String ticker) {
        if (bar != null) {
            bar.step();
            bar.setExtraMessage(" " + ticker);
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
