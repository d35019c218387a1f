package io.kbt.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Gathers the {@link GenerationStats} of a generation as it runs: spreads each second, index returns, trades. */
final class StatsCollector {
    private final long[] nearHalf = new long[100];
    private final long[] elsewhere = new long[100];
    private final List<GenerationStats.MarketActivity> activity = new ArrayList<>();
    private final List<Double> closes = new ArrayList<>();
    private long oneSided;
    private long trades;
    private double squaredReturns;

    /** One sample of every market's best spread, bucketed by whether its mid is near 50¢. */
    void sampleSpreads(MarketFlow[] flows) {
        for (MarketFlow flow : flows) {
            int spread = flow.spread();
            if (spread == 0) {
                oneSided++;
            } else {
                double mid = flow.mid();
                (mid >= 35 && mid <= 65 ? nearHalf : elsewhere)[Math.min(spread, 99)]++;
            }
        }
    }

    /** A one-second step of the index as written (levels in cents). */
    void indexStep(long fromCents, long toCents) {
        double r = Math.log(toCents / (double) fromCents);
        squaredReturns += r * r;
    }

    void endSession(MarketFlow[] flows, double close) {
        closes.add(close);
        for (MarketFlow flow : flows) {
            activity.add(new GenerationStats.MarketActivity(flow.market().ticker(),
                    flow.market().result().name().toLowerCase(Locale.ROOT), flow.trades(), flow.contracts()));
            trades += flow.trades();
        }
    }

    GenerationStats stats(int markets, long frames, long indexTicks, double dailyVol, long elapsedNanos) {
        int days = closes.size();
        return new GenerationStats(days, markets, frames, indexTicks, trades, nearHalf, elsewhere, oneSided, activity,
                dailyVol, Math.sqrt(squaredReturns / days), closeToCloseVol(), elapsedNanos);
    }

    private double closeToCloseVol() {
        if (closes.size() < 3) {
            return Double.NaN;
        }
        int n = closes.size() - 1;
        double[] returns = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            returns[i] = Math.log(closes.get(i + 1) / closes.get(i));
            mean += returns[i] / n;
        }
        double variance = 0;
        for (double r : returns) {
            variance += (r - mean) * (r - mean) / (n - 1);
        }
        return Math.sqrt(variance);
    }
}
