package io.kbt.samples;

/** The standard normal distribution function, from a Chebyshev fit of erfc (relative error below 1.2e-7). */
final class Normal {
    private Normal() {}

    static double cdf(double x) {
        if (x < -9 || x > 9) {
            return x < 0 ? 0 : 1;
        }
        return 0.5 * erfc(-x / Math.sqrt(2));
    }

    /** Numerical Recipes' {@code erfcc}, with {@link StrictMath#exp} so results are the same on every JVM. */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * StrictMath.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
