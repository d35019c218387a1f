package io.kbt.strategies.fit;

import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * One fitted two-parameter distribution of daily returns: its location (x0 or μ), scale (γ or σ),
 * log-likelihood, AIC = 4 − 2·logLik, and the Kolmogorov–Smirnov statistic D (sup |F_n − F|) with its
 * p-value.
 */
public record DistributionFit(
        String family, double location, double scale, double logLikelihood, double aic, double ksStatistic,
        double ksPValue, int n) {
    static DistributionFit of(String family, double location, double scale, double logLikelihood, double[] returns,
            RealDistribution distribution) {
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        return new DistributionFit(family, location, scale, logLikelihood, 2 * 2 - 2 * logLikelihood,
                ks.kolmogorovSmirnovStatistic(distribution, returns), ks.kolmogorovSmirnovTest(distribution, returns),
                returns.length);
    }

    /** The scale at τ = 1 s that makes scale0·τ^h equal this daily scale over {@code secondsPerDay}. */
    public double scalePerSecond(double h, double secondsPerDay) {
        return scale / Math.pow(secondsPerDay, h);
    }
}
