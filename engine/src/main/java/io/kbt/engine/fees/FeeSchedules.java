package io.kbt.engine.fees;

import java.util.List;

/**
 * The named fee schedules: {@code none}; {@code standard} (default: taker 0.07, 0.035 for the INX* and NASDAQ100*
 * families in both ticker generations, makers free); {@code standard-maker} (the same plus a 0.0175 maker fee on
 * the series that carry maker fees, {@link #MAKER_FEE_SERIES}); and a custom {@code taker=R[,maker=M]} with flat
 * rates for every series.
 */
public final class FeeSchedules {
    public static final String DEFAULT = "standard";
    /** Series families whose takers pay the reduced rate: S&amp;P 500 (INX, INXD, INXW, INXU, ...) and Nasdaq-100. */
    public static final List<String> REDUCED_FAMILIES = List.of("INX", "NASDAQ100");
    /**
     * Series (without the {@code KX} prefix) that Kalshi's schedule flags as charging makers (fee type
     * {@code quadratic_with_maker_fees}): the economic releases and the game series. The S&amp;P 500 and Nasdaq-100
     * series are not among them. Kalshi's {@code GET /series/fee_changes} is the authority for any other series.
     */
    public static final List<String> MAKER_FEE_SERIES = List.of(
            "FED", "FEDDECISION", "CPI", "CPIYOY", "GDP", "PAYROLLS", "U3", "AAAGASM", "EGGS",
            "NBAGAME", "NFLGAME", "MLBGAME", "NHLGAME", "NCAAFGAME", "NCAAMBGAME", "NBA", "ATPMATCH", "WTAMATCH");

    private FeeSchedules() {}

    public static FeeSchedule standard() {
        return byName(DEFAULT);
    }

    /** The schedule called {@code name}; {@link IllegalArgumentException} naming the choices when unknown. */
    public static FeeSchedule byName(String name) {
        String n = name.trim();
        return switch (n) {
            case "none" -> new RateSchedule(n, FeeRate.ZERO, FeeRate.ZERO, List.of(), FeeRate.ZERO, List.of());
            case "standard" -> new RateSchedule(n, FeeRate.of("0.07"), FeeRate.ZERO, REDUCED_FAMILIES,
                    FeeRate.of("0.035"), List.of());
            case "standard-maker" -> new RateSchedule(n, FeeRate.of("0.07"), FeeRate.of("0.0175"), REDUCED_FAMILIES,
                    FeeRate.of("0.035"), MAKER_FEE_SERIES);
            default -> custom(n);
        };
    }

    private static FeeSchedule custom(String name) {
        FeeRate taker = null;
        FeeRate maker = FeeRate.ZERO;
        for (String part : name.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length == 2 && kv[0].trim().equals("taker") && taker == null) {
                taker = FeeRate.of(kv[1]);
            } else if (kv.length == 2 && kv[0].trim().equals("maker")) {
                maker = FeeRate.of(kv[1]);
            } else {
                throw unknown(name);
            }
        }
        if (taker == null) {
            throw unknown(name);
        }
        return new RateSchedule(name, taker, maker, List.of(), taker, List.of());
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("unknown fee schedule '" + name
                + "' (choose none, standard, standard-maker or taker=RATE[,maker=RATE])");
    }
}
