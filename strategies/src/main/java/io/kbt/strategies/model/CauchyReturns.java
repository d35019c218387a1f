package io.kbt.strategies.model;

/**
 * Cauchy returns: r ~ Cauchy(x0, γ(τ)) with γ(τ) = γ0·τ^h. The location does not scale with τ; the heavy
 * tails are why the 2023 reference bot priced S&amp;P range markets with it.
 */
public record CauchyReturns(double x0, double gamma0, double h) implements ReturnModel {
    /**
     * The 2023 reference bot's model, also the default: no drift, γ0 = 5e-6, h = 0.6 (γ ≈ 0.21% over one
     * 6.5-hour session; the 2000–2020 daily fit is γ ≈ 0.50% close to close, overnight moves included).
     */
    public static final CauchyReturns SEED = new CauchyReturns(0, 5e-6, 0.6);

    public CauchyReturns {
        if (!Double.isFinite(x0) || !(gamma0 >= 0) || !Double.isFinite(gamma0) || !(h >= 0) || !Double.isFinite(h)) {
            throw new IllegalArgumentException("Cauchy returns need finite x0, gamma0 ≥ 0 and h ≥ 0: x0=" + x0
                    + " gamma0=" + gamma0 + " h=" + h);
        }
    }

    /** γ(τ) = γ0·τ^h, the scale of the return over {@code tauSeconds}. */
    public double gamma(double tauSeconds) {
        return gamma0 * Math.pow(tauSeconds, h);
    }

    @Override
    public double scale(double tauSeconds) {
        return gamma(tauSeconds);
    }

    @Override
    public double location() {
        return x0;
    }

    /** |d atan(t/γ)/π / d ln γ| = |t|γ/(π(γ² + t²)) ≤ 1/(2π). */
    @Override
    public double maxTailChangePerLogScale() {
        return 0.5 / Math.PI;
    }

    /** z/(π(1 + z²)), which falls for z ≥ 1. */
    @Override
    public double tailChangePerLogScale(double z) {
        return z / (Math.PI * (1 + z * z));
    }

    /** π(γ² + s²)/γ = π(γ + s²/γ). */
    @Override
    public double inverseDensity(double distance, double gamma, double inverseGamma) {
        return Math.PI * (gamma + distance * distance * inverseGamma);
    }

    /** ½ + atan((x − x0)/γ)/π, written as atan2(1, −z)/π so the lower tail does not cancel. */
    @Override
    public double cdfAtScale(double x, double gamma) {
        if (!(gamma > 0) || !Double.isFinite(gamma)) {
            return Steps.cdf(x, x0);
        }
        return Math.atan2(1.0, -(x - x0) / gamma) / Math.PI;
    }

    @Override
    public double survivalAtScale(double x, double gamma) {
        if (!(gamma > 0) || !Double.isFinite(gamma)) {
            return 1.0 - Steps.cdf(x, x0);
        }
        return Math.atan2(1.0, (x - x0) / gamma) / Math.PI;
    }
}
