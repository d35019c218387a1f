package io.kbt.strategies.fit;

/** Checks shared by the fits. */
final class Samples {
    private Samples() {}

    static void require(double[] returns) {
        if (returns.length < 2) {
            throw new IllegalArgumentException("need at least 2 returns to fit a distribution, got " + returns.length);
        }
        for (int i = 0; i < returns.length; i++) {
            if (!Double.isFinite(returns[i])) {
                throw new IllegalArgumentException("return " + i + " is not finite: " + returns[i]);
            }
        }
    }
}
