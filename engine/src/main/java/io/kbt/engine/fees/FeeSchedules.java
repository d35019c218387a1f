package io.kbt.engine.fees;

import java.util.List;

/**
 * The named fee schedules: {@code none}; {@code standard} (default: taker 0.07, 0.035 for INX* and NASDAQ100*
 * series, makers free); {@code standard-maker} (the same plus a 0.0175 maker fee); and a custom
 * {@code taker=R[,maker=M]} with flat rates for every series.
 */
public final class FeeSchedules {
    public static final String DEFAULT = "standard";
    private static final List<String> REDUCED = List.of("INX", "NASDAQ100");

    private FeeSchedules() {}

    public static FeeSchedule standard() {
        return byName(DEFAULT);
    }

    /** The schedule called {@code name}; {@link IllegalArgumentException} naming the choices when unknown. */
    public static FeeSchedule byName(String name) {
        String n = name.trim();
        return switch (n) {
            case "none" -> new RateSchedule(n, FeeRate.ZERO, FeeRate.ZERO, List.of(), FeeRate.ZERO);
            case "standard" -> new RateSchedule(n, FeeRate.of("0.07"), FeeRate.ZERO, REDUCED, FeeRate.of("0.035"));
            case "standard-maker" ->
                new RateSchedule(n, FeeRate.of("0.07"), FeeRate.of("0.0175"), REDUCED, FeeRate.of("0.035"));
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
        return new RateSchedule(name, taker, maker, List.of(), taker);
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("unknown fee schedule '" + name
                + "' (choose none, standard, standard-maker or taker=RATE[,maker=RATE])");
    }
}
