package io.kbt.engine.fees;

import io.kbt.engine.spi.Choice;
import io.kbt.engine.spi.Providers;
import java.util.List;

/**
 * The fee schedules by name, each a {@link FeeScheduleProvider} found with {@link java.util.ServiceLoader}. Built
 * in: {@code none}; {@code standard} (default: taker 0.07, 0.035 for the INX* and NASDAQ100* families in both
 * ticker generations, makers free); {@code standard-maker} (the same plus a 0.0175 maker fee on the series that
 * carry maker fees, {@link #MAKER_FEE_SERIES}); and {@code rates:taker=R[,maker=M]}, flat rates for every series,
 * also written {@code taker=R[,maker=M]}. A jar on the class path or a plugin class loader adds more.
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

    /** The schedule called {@code name} among kbt's own. */
    public static FeeSchedule byName(String name) {
        return byName(name, FeeSchedules.class.getClassLoader());
    }

    /**
     * The schedule {@code name} ({@code NAME[:key=value,...]}, or {@code taker=R[,maker=M]}) chooses among the
     * providers {@code loader} finds.
     *
     * @throws IllegalArgumentException naming the choices when unknown, or the option when an option is bad
     */
    public static FeeSchedule byName(String name, ClassLoader loader) {
        String text = name.trim();
        Choice choice = Choice.parse(text.startsWith("taker=") ? "rates:" + text : text);
        return Providers.named(FeeScheduleProvider.class, loader, FeeScheduleProvider::name, choice.name(),
                "fee schedule", "; flat rates: taker=RATE[,maker=RATE]").create(choice);
    }

    /** {@code none}: nobody pays. */
    public static final class None implements FeeScheduleProvider {
        @Override
        public String name() {
            return "none";
        }

        @Override
        public String description() {
            return "no fees";
        }

        @Override
        public FeeSchedule create(Choice choice) {
            choice.accepting();
            return new RateSchedule("none", FeeRate.ZERO, FeeRate.ZERO, List.of(), FeeRate.ZERO, List.of());
        }
    }

    /** {@code standard}: Kalshi's general schedule, makers free. */
    public static final class Standard implements FeeScheduleProvider {
        @Override
        public String name() {
            return "standard";
        }

        @Override
        public String description() {
            return "takers 0.07 (0.035 on INX*/NASDAQ100*) x C x P x (1-P), makers free";
        }

        @Override
        public FeeSchedule create(Choice choice) {
            choice.accepting();
            return new RateSchedule("standard", FeeRate.of("0.07"), FeeRate.ZERO, REDUCED_FAMILIES,
                    FeeRate.of("0.035"), List.of());
        }
    }

    /** {@code standard-maker}: the general schedule with the maker fee on the flagged series. */
    public static final class StandardMaker implements FeeScheduleProvider {
        @Override
        public String name() {
            return "standard-maker";
        }

        @Override
        public String description() {
            return "standard, plus makers 0.0175 x C x P x (1-P) on the series that charge makers";
        }

        @Override
        public FeeSchedule create(Choice choice) {
            choice.accepting();
            return new RateSchedule("standard-maker", FeeRate.of("0.07"), FeeRate.of("0.0175"), REDUCED_FAMILIES,
                    FeeRate.of("0.035"), MAKER_FEE_SERIES);
        }
    }

    /** {@code rates:taker=R[,maker=M]} (or just {@code taker=R[,maker=M]}): flat rates on every series. */
    public static final class Rates implements FeeScheduleProvider {
        @Override
        public String name() {
            return "rates";
        }

        @Override
        public String description() {
            return "flat rates on every series: taker=R[,maker=M]";
        }

        @Override
        public FeeSchedule create(Choice choice) {
            choice.accepting("taker", "maker");
            if (!choice.options().containsKey("taker")) {
                throw new IllegalArgumentException("fee schedule rates needs taker=RATE (and optionally maker=RATE)");
            }
            FeeRate taker = FeeRate.of(choice.option("taker", "0"));
            FeeRate maker = FeeRate.of(choice.option("maker", "0"));
            String name = String.join(",", choice.options().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .toList());
            return new RateSchedule(name, taker, maker, List.of(), taker, List.of());
        }
    }
}
