package io.kbt.cli;

import io.kbt.samples.GenerationStats;
import io.kbt.samples.GenerationStats.MarketActivity;
import java.io.PrintWriter;
import java.util.Locale;

/** The {@code kbt generate --stats} report: spread distribution, trades per market and realised index volatility. */
final class GenerationReport {
    private final GenerationStats stats;

    GenerationReport(GenerationStats stats) {
        this.stats = stats;
    }

    void print(PrintWriter out) {
        spreads(out, "spread near 50¢ (mid 35–65¢)", stats.spreadsNearHalf(), stats.quantileNearHalf(0.1),
                stats.quantileNearHalf(0.5), stats.quantileNearHalf(0.9));
        out.printf(Locale.ROOT, "  within 1–5¢: %.1f%%%n", 100 * stats.shareNearHalf(1, 5));
        spreads(out, "spread elsewhere", stats.spreadsElsewhere(), stats.quantileElsewhere(0.1),
                stats.quantileElsewhere(0.5), stats.quantileElsewhere(0.9));
        out.printf(Locale.ROOT, "one-sided market-seconds: %,d%n", stats.oneSidedSeconds());
        out.println("trades per market:");
        for (MarketActivity market : stats.activity()) {
            out.printf(Locale.ROOT, "  %-28s %,8d trades %,10d contracts  result %s%n", market.ticker(),
                    market.trades(), market.contracts(), market.result());
        }
        out.printf(Locale.ROOT, "realised daily σ: %.3f%% (configured %.3f%%; open to close, from 1-second returns)%n",
                100 * stats.realisedDailyVol(), 100 * stats.configuredDailyVol());
        if (!Double.isNaN(stats.closeToCloseVol())) {
            out.printf(Locale.ROOT, "close-to-close σ: %.3f%% over %d days (includes the overnight gaps)%n",
                    100 * stats.closeToCloseVol(), stats.days());
        }
    }

    private static void spreads(PrintWriter out, String title, long[] histogram, int p10, int median, int p90) {
        long all = 0;
        for (long seconds : histogram) {
            all += seconds;
        }
        out.printf(Locale.ROOT, "%s: %,d market-seconds, p10 %d¢, median %d¢, p90 %d¢%n", title, all, p10, median, p90);
        if (all == 0) {
            return;
        }
        StringBuilder line = new StringBuilder(" ");
        long over = 0;
        for (int spread = 1; spread < histogram.length; spread++) {
            if (spread <= 10) {
                line.append(String.format(Locale.ROOT, " %d¢ %.1f%%", spread, 100.0 * histogram[spread] / all));
            } else {
                over += histogram[spread];
            }
        }
        line.append(String.format(Locale.ROOT, " >10¢ %.1f%%", 100.0 * over / all));
        out.println(line);
    }
}
