package io.kbt.samples;

import java.time.LocalDate;

/**
 * What to generate: {@code days} trading days from {@code start} (weekends skipped), each with an INXD event of
 * {@code brackets} 25-point bracket markets plus two tail markets; an index path opening at {@code openLevel} with
 * open-to-close volatility {@code dailyVol} (a fraction, 0.01 = 1 %), Student-t increments of
 * {@code tailDegrees} degrees of freedom, and an overnight gap of volatility {@code overnightVol}.
 */
public record GeneratorConfig(
        LocalDate start,
        int days,
        int brackets,
        long seed,
        double dailyVol,
        double overnightVol,
        double openLevel,
        int tailDegrees) {

    public static final double DEFAULT_DAILY_VOL = 0.01;

    public GeneratorConfig {
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1: " + days);
        }
        if (brackets < 1 || brackets > 200) {
            throw new IllegalArgumentException("markets (brackets per day) must be 1..200: " + brackets);
        }
        if (!(dailyVol > 0 && dailyVol <= 0.2)) {
            throw new IllegalArgumentException("daily volatility must be in (0, 0.2]: " + dailyVol);
        }
        if (!(overnightVol >= 0 && overnightVol <= 0.2)) {
            throw new IllegalArgumentException("overnight volatility must be in [0, 0.2]: " + overnightVol);
        }
        if (!(openLevel >= 100 && openLevel <= 1_000_000)) {
            throw new IllegalArgumentException("opening index level must be 100..1,000,000: " + openLevel);
        }
        if (tailDegrees < 3 || tailDegrees > 100) {
            throw new IllegalArgumentException("Student-t degrees of freedom must be 3..100: " + tailDegrees);
        }
    }

    /** The defaults: 1 % daily volatility, half of it overnight, SPX opening at 6000, t with 5 degrees. */
    public static GeneratorConfig of(LocalDate start, int days, int brackets, long seed) {
        return withVol(start, days, brackets, seed, DEFAULT_DAILY_VOL);
    }

    public static GeneratorConfig withVol(LocalDate start, int days, int brackets, long seed, double dailyVol) {
        return new GeneratorConfig(start, days, brackets, seed, dailyVol, dailyVol / 2, 6_000, 5);
    }
}
