package io.kbt.strategies.model;

/**
 * The distribution of the index's simple return r = S_T/S − 1 from now to a market's close, τ seconds away.
 * Both tails are exposed so far strikes keep their precision instead of cancelling to 0 or 1.
 */
public sealed interface ReturnModel permits CauchyReturns, NormalReturns {
    /** The scale of r (γ or σ) over {@code tauSeconds}; one value serves every strike at that horizon. */
    double scale(double tauSeconds);

    /** P(r ≤ x) when r has scale {@code scale} (not positive or not finite: r sits at its location). */
    double cdfAtScale(double x, double scale);

    /** P(r &gt; x) when r has scale {@code scale} (not positive or not finite: r sits at its location). */
    double survivalAtScale(double x, double scale);

    /** P(r ≤ x) for the return over {@code tauSeconds} (&gt; 0). */
    default double cdf(double x, double tauSeconds) {
        return cdfAtScale(x, scale(tauSeconds));
    }

    /** P(r &gt; x) for the return over {@code tauSeconds} (&gt; 0). */
    default double survival(double x, double tauSeconds) {
        return survivalAtScale(x, scale(tauSeconds));
    }

    /** The location of r (x0 or μ): returns at or above it use the survival side for precision. */
    double location();

    /** The time exponent h of the scale, scale(τ) = scale0·τ^h. */
    double h();

    /**
     * An upper bound of |d/d(ln scale)| of one tail mass P(r ≤ x) or P(r &gt; x), for any x: how far one strike's
     * term of P(yes) can move when the horizon shrinks.
     */
    double maxTailChangePerLogScale();

    /**
     * An upper bound of |d/d(ln scale)| of one tail mass at any point at least {@code z} (≥ 1) scales from the
     * location: far from the location a term moves with the horizon much more slowly than at its peak (one
     * scale away), and the bound falls as {@code z} grows.
     */
    double tailChangePerLogScale(double z);

    /**
     * The reciprocal of the density of r at {@code distance} (≥ 0) from its location when r has scale
     * {@code scale} and {@code inverseScale} = 1/scale (the caller has both, which spares a division): the
     * density falls with the distance, so its reciprocal times a budget of tail mass is how far one strike's term
     * can move at every point farther away.
     */
    double inverseDensity(double distance, double scale, double inverseScale);
}
