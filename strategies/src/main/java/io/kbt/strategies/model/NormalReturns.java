package io.kbt.strategies.model;

import org.apache.commons.math3.special.Erf;

/** Normal returns: r ~ N(μ, σ(τ)²) with σ(τ) = σ0·τ^h (h = ½ is Brownian motion). */
public record NormalReturns(double mu, double sigma0, double h) implements ReturnModel {
    /**
     * The default: no drift, Brownian scaling h = 0.5, σ0 = 8.2e-5 so σ(23,400 s) ≈ 1.25%, the population
     * standard deviation of S&amp;P 500 daily returns 2000–2020 ({@code kbt fit --h 0.5}).
     */
    public static final NormalReturns DEFAULTS = new NormalReturns(0, 8.2e-5, 0.5);

    private static final double SQRT2 = Math.sqrt(2.0);
    private static final double SQRT_2PI = Math.sqrt(2.0 * Math.PI);
    /** φ(1), rounded up: the largest value of |z|·φ(z). */
    private static final double MAX_Z_PHI = 0.24198;

    public NormalReturns {
        if (!Double.isFinite(mu) || !(sigma0 >= 0) || !Double.isFinite(sigma0) || !(h >= 0) || !Double.isFinite(h)) {
            throw new IllegalArgumentException("normal returns need finite mu, sigma0 ≥ 0 and h ≥ 0: mu=" + mu
                    + " sigma0=" + sigma0 + " h=" + h);
        }
    }

    /** σ(τ) = σ0·τ^h, the standard deviation of the return over {@code tauSeconds}. */
    public double sigma(double tauSeconds) {
        return sigma0 * Math.pow(tauSeconds, h);
    }

    @Override
    public double scale(double tauSeconds) {
        return sigma(tauSeconds);
    }

    @Override
    public double location() {
        return mu;
    }

    /** |d Φ(t/σ) / d ln σ| = |z|·φ(z) ≤ φ(1). */
    @Override
    public double maxTailChangePerLogScale() {
        return MAX_Z_PHI;
    }

    /** z·φ(z), which falls for z ≥ 1. */
    @Override
    public double tailChangePerLogScale(double z) {
        return z * Math.exp(-0.5 * z * z) / SQRT_2PI;
    }

    /** σ/φ(s/σ) = σ·√(2π)·e^(z²/2), z = s/σ. */
    @Override
    public double inverseDensity(double distance, double sigma, double inverseSigma) {
        double z = distance * inverseSigma;
        return sigma * SQRT_2PI * Math.exp(0.5 * z * z);
    }

    /** Φ(z) = ½·erfc(−z/√2): erfc keeps the lower tail accurate where 1 − Φ would round to 0. */
    @Override
    public double cdfAtScale(double x, double sigma) {
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            return Steps.cdf(x, mu);
        }
        return 0.5 * Erf.erfc(-(x - mu) / (sigma * SQRT2));
    }

    @Override
    public double survivalAtScale(double x, double sigma) {
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            return 1.0 - Steps.cdf(x, mu);
        }
        return 0.5 * Erf.erfc((x - mu) / (sigma * SQRT2));
    }
}
