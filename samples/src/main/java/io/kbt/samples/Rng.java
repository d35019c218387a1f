package io.kbt.samples;

import java.util.SplittableRandom;

/**
 * The generator's random numbers: a seeded {@link SplittableRandom} (SplitMix64, whose {@code nextLong} sequence is
 * fixed by its specification) with the continuous distributions written here on top of it using {@link StrictMath},
 * so the same seed gives the same numbers, and the same files, on every JVM.
 */
final class Rng {
    private final SplittableRandom random;
    private double spareGaussian;
    private boolean hasSpare;

    Rng(long seed) {
        this.random = new SplittableRandom(seed);
    }

    long nextLong() {
        return random.nextLong();
    }

    /** Uniform in [0, 1). */
    double uniform() {
        return (random.nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [lo, hi). */
    double uniform(double lo, double hi) {
        return lo + (hi - lo) * uniform();
    }

    /** Uniform integer in [lo, hi]. */
    int between(int lo, int hi) {
        return lo + (int) (uniform() * (hi - lo + 1));
    }

    boolean chance(double probability) {
        return uniform() < probability;
    }

    /** Uniform with mean 0 and variance 1: a cheap noise increment where the shape does not matter. */
    double centred() {
        return (uniform() - 0.5) * 3.4641016151377544;
    }

    /** Whole seconds until the next arrival of a Poisson process of {@code rate} per second (at least 1). */
    int waitSeconds(double rate) {
        return 1 + (int) Math.min(1_000_000, -StrictMath.log(1 - uniform()) / rate);
    }

    /** Standard normal (Marsaglia's polar method). */
    double gaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareGaussian;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * uniform() - 1;
            v = 2 * uniform() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double factor = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        spareGaussian = v * factor;
        hasSpare = true;
        return u * factor;
    }

    /**
     * Student-t with {@code degrees} (≥ 3) degrees of freedom scaled to unit variance: fat-tailed like index
     * returns, with kurtosis 3 + 6 / (degrees − 4) for degrees above 4.
     */
    double studentT(int degrees) {
        double chiSquare = 0;
        for (int i = 0; i < degrees; i++) {
            double g = gaussian();
            chiSquare += g * g;
        }
        return gaussian() / StrictMath.sqrt(chiSquare / degrees) * StrictMath.sqrt((degrees - 2.0) / degrees);
    }

    /** Log-normal with the given median and log-space σ. */
    double logNormal(double median, double sigma) {
        return median * StrictMath.exp(sigma * gaussian());
    }
}
