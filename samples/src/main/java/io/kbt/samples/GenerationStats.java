package io.kbt.samples;

import java.util.List;

/**
 * What a generation produced and how it looks: event counts, the distribution of the best spread sampled once a
 * second per market (split into markets priced near 50¢, mid 35–65¢, and the rest), trades per market and the
 * realised volatility of the index.
 *
 * @param spreadsNearHalf seconds with each spread in cents (index = spread, the last bucket 99+) for mids 35..65¢
 * @param spreadsElsewhere the same for other mids
 * @param oneSidedSeconds market-seconds with an empty side (no spread)
 * @param realisedDailyVol sqrt of the mean over days of the sum of squared one-second log returns (open to close)
 * @param closeToCloseVol standard deviation of daily close-to-close log returns (NaN with fewer than 3 days)
 */
public record GenerationStats(
        int days,
        int markets,
        long frames,
        long indexTicks,
        long trades,
        long[] spreadsNearHalf,
        long[] spreadsElsewhere,
        long oneSidedSeconds,
        List<MarketActivity> activity,
        double configuredDailyVol,
        double realisedDailyVol,
        double closeToCloseVol,
        long elapsedNanos) {

    /** Trades and traded contracts of one market over its session, with its result. */
    public record MarketActivity(String ticker, String result, long trades, long contracts) {}

    public GenerationStats {
        spreadsNearHalf = spreadsNearHalf.clone();
        spreadsElsewhere = spreadsElsewhere.clone();
        activity = List.copyOf(activity);
    }

    /** Websocket frames plus index ticks. */
    public long events() {
        return frames + indexTicks;
    }

    public double eventsPerSecond() {
        return elapsedNanos == 0 ? Double.NaN : events() * 1e9 / elapsedNanos;
    }

    /** The share of near-50¢ samples whose spread is within [from, to] cents. */
    public double shareNearHalf(int from, int to) {
        return share(spreadsNearHalf, from, to);
    }

    /** The {@code q} quantile (0..1) of the near-50¢ spreads in cents. */
    public int quantileNearHalf(double q) {
        return quantile(spreadsNearHalf, q);
    }

    public int quantileElsewhere(double q) {
        return quantile(spreadsElsewhere, q);
    }

    @Override
    public long[] spreadsNearHalf() {
        return spreadsNearHalf.clone();
    }

    @Override
    public long[] spreadsElsewhere() {
        return spreadsElsewhere.clone();
    }

    static double share(long[] histogram, int from, int to) {
        long in = 0;
        long all = 0;
        for (int i = 0; i < histogram.length; i++) {
            all += histogram[i];
            if (i >= from && i <= to) {
                in += histogram[i];
            }
        }
        return all == 0 ? Double.NaN : in / (double) all;
    }

    static int quantile(long[] histogram, double q) {
        long all = 0;
        for (long h : histogram) {
            all += h;
        }
        if (all == 0) {
            return 0;
        }
        long target = (long) Math.ceil(q * all);
        long seen = 0;
        for (int i = 0; i < histogram.length; i++) {
            seen += histogram[i];
            if (seen >= Math.max(1, target)) {
                return i;
            }
        }
        return histogram.length - 1;
    }
}
