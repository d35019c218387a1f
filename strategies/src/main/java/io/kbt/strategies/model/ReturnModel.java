package io.kbt.strategies.model;

/**
 * The distribution of the index's simple return r = S_T/S − 1 from now to a market's close, τ seconds away.
 * Both tails are exposed so far strikes keep their precision instead of cancelling to 0 or 1.
 */
public sealed interface ReturnModel permits CauchyReturns, NormalReturns {
    /** P(r ≤ x) for the return over {@code tauSeconds} (&gt; 0). */
    double cdf(double x, double tauSeconds);

    /** P(r &gt; x) for the return over {@code tauSeconds} (&gt; 0). */
    double survival(double x, double tauSeconds);

    /** The location of r (x0 or μ): returns at or above it use the survival side for precision. */
    double location();
}
