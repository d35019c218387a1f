package io.kbt.samples;

import io.kbt.engine.market.Market;
import java.util.List;

/**
 * The fair probabilities of one event's markets (less tail, contiguous brackets, greater tail, in that order) from
 * the index level and the time left: the close is taken as normal around the level with the configured volatility
 * scaled to the remaining session. The K + 1 strike boundaries are shared, so each second costs K + 1 normal
 * probabilities for K + 2 markets.
 */
final class FairValues {
    private final double[] boundaries;
    private final double[] below;
    private final double dailyVol;
    private final int markets;

    /** {@code markets} as {@link InxdEvent#markets} orders them. */
    FairValues(List<Market> markets, double dailyVol) {
        this.markets = markets.size();
        this.dailyVol = dailyVol;
        this.boundaries = new double[markets.size() - 1];
        // A bracket settles yes on [floor, cap + 1¢): its boundaries are its floor and the next bracket's floor.
        boundaries[0] = markets.get(0).capStrike();
        for (int i = 1; i < boundaries.length; i++) {
            boundaries[i] = markets.get(i).capStrike() + 0.01;
        }
        this.below = new double[boundaries.length];
    }

    void update(double level, int secondsLeft) {
        double sigma = level * dailyVol * Math.sqrt(secondsLeft / (double) TradingDays.SESSION_SECONDS);
        for (int i = 0; i < boundaries.length; i++) {
            below[i] = sigma > 0 ? Normal.cdf((boundaries[i] - level) / sigma) : level < boundaries[i] ? 1 : 0;
        }
    }

    /** The probability that market {@code index} settles yes. */
    double fair(int index) {
        double from = index == 0 ? 0 : below[index - 1];
        double to = index == markets - 1 ? 1 : below[index];
        return Math.max(0, Math.min(1, to - from));
    }
}
