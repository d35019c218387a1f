package io.kbt.strategies.model;

/** The degenerate distribution a model collapses to when its scale is zero: all mass at the location. */
final class Steps {
    private Steps() {}

    static double cdf(double x, double location) {
        return x >= location ? 1.0 : 0.0;
    }
}
