package io.kbt.runner.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The deflated Sharpe ratio of the best of N tried parameter sets (Bailey and López de Prado, "The Deflated Sharpe
 * Ratio", 2014): the probability that the best set's true Sharpe ratio is above zero once the expected maximum of
 * N Sharpe ratios drawn by luck, SR₀ = √V[SR]·((1−γ)·Φ⁻¹(1−1/N) + γ·Φ⁻¹(1−1/(N·e))), is subtracted and the
 * estimate's error under the daily P&amp;L's skew γ₃ and kurtosis γ₄ is allowed for:
 * DSR = Φ((SR − SR₀)·√(T−1) / √(1 − γ₃·SR + (γ₄−1)/4·SR²)). Sharpe ratios here are per day (not annualised);
 * V[SR] is the sample variance of the N sets' Sharpe ratios; the best set is the one with the highest Sharpe ratio.
 */
public record DeflatedSharpe(
        int bestSet,
        double sharpe,
        double expectedMaxSharpe,
        double sharpeVariance,
        double skewness,
        double kurtosis,
        int trials,
        int days,
        double probability) {
    private static final double EULER_GAMMA = 0.5772156649015329;
    private static final NormalDistribution NORMAL = new NormalDistribution(0, 1);

    /** @param pnl daily P&amp;L, micro-dollars, [set][day]; needs at least one set and two days */
    public static DeflatedSharpe of(long[][] pnl) {
        int n = pnl.length;
        if (n == 0 || pnl[0].length < 2) {
            throw new IllegalArgumentException("the deflated Sharpe ratio needs at least one set and two days");
        }
        double[] sharpes = new double[n];
        int best = 0;
        for (int set = 0; set < n; set++) {
            sharpes[set] = Moments.of(pnl[set]).sharpe();
            if (sharpes[set] > sharpes[best]) {
                best = set;
            }
        }
        Moments bestMoments = Moments.of(pnl[best]);
        double variance = n < 2 ? 0 : Moments.of(sharpes).sd() * Moments.of(sharpes).sd();
        double sr0 = n < 2 ? 0 : Math.sqrt(variance) * ((1 - EULER_GAMMA) * NORMAL.inverseCumulativeProbability(1 - 1.0 / n)
                + EULER_GAMMA * NORMAL.inverseCumulativeProbability(1 - 1.0 / (n * Math.E)));
        double sr = sharpes[best];
        int t = pnl[best].length;
        double g3 = bestMoments.skewness();
        double g4 = bestMoments.kurtosis();
        double denominator = Math.sqrt(1 - g3 * sr + (g4 - 1) / 4 * sr * sr);
        double probability = NORMAL.cumulativeProbability((sr - sr0) * Math.sqrt(t - 1) / denominator);
        return new DeflatedSharpe(best, sr, sr0, variance, g3, g4, n, t, probability);
    }
}
