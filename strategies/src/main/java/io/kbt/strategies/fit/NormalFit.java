package io.kbt.strategies.fit;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * Maximum-likelihood normal fit of returns. The MLE has a closed form — the sample mean and the population
 * standard deviation (divisor n) — so no iterative optimiser is needed.
 */
public final class NormalFit {
    private NormalFit() {}

    public static DistributionFit fit(double[] returns) {
        Samples.require(returns);
        double mu = new Mean().evaluate(returns);
        double sigma = new StandardDeviation(false).evaluate(returns, mu);
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("returns have no spread (standard deviation 0): cannot fit a normal");
        }
        return DistributionFit.of("normal", mu, sigma, logLikelihood(returns, mu, sigma), returns,
                new NormalDistribution(null, mu, sigma));
    }

    /** Σ log f(r) for N(μ, σ²). */
    public static double logLikelihood(double[] returns, double mu, double sigma) {
        double squares = 0;
        for (double r : returns) {
            double z = (r - mu) / sigma;
            squares += z * z;
        }
        return -returns.length * (0.5 * Math.log(2 * Math.PI) + Math.log(sigma)) - squares / 2;
    }
}
