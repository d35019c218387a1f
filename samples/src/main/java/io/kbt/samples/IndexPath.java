package io.kbt.samples;

/**
 * The simulated S&P 500: one level per second of each session, multiplicative Student-t steps scaled so the
 * open-to-close log return has volatility {@code dailyVol}, and an overnight gap from one close to the next open.
 */
final class IndexPath {
    private final Rng rng;
    private final int degrees;
    private final double stepVol;
    private final double overnightVol;
    private double last;
    private boolean started;

    IndexPath(GeneratorConfig config, Rng rng) {
        this.rng = rng;
        this.degrees = config.tailDegrees();
        this.stepVol = config.dailyVol() / Math.sqrt(TradingDays.SESSION_SECONDS);
        this.overnightVol = config.overnightVol();
        this.last = config.openLevel();
    }

    /** The next session's levels, index i at i seconds after 09:30 (23,401 of them, the close last). */
    double[] nextSession() {
        double[] levels = new double[TradingDays.SESSION_SECONDS + 1];
        levels[0] = started ? last * StrictMath.exp(overnightVol * rng.studentT(degrees)) : last;
        started = true;
        for (int i = 1; i < levels.length; i++) {
            levels[i] = levels[i - 1] * StrictMath.exp(stepVol * rng.studentT(degrees));
        }
        last = levels[levels.length - 1];
        return levels;
    }
}
