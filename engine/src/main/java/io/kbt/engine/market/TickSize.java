package io.kbt.engine.market;

/**
 * A market's price grid: one tick is {@code micros} micro-dollars (10,000 for 1¢, 1,000 for 0.1¢). Prices are
 * yes prices in whole ticks, strictly between 0 and {@link #maxTicks()} ($1).
 */
public record TickSize(int micros) {
    public static final TickSize CENT = new TickSize(10_000);
    public static final TickSize TENTH_CENT = new TickSize(1_000);

    public TickSize {
        if (micros <= 0 || 1_000_000 % micros != 0 || micros % 100 != 0) {
            throw new IllegalArgumentException("tick size must divide $1 and be a multiple of 100 micro-dollars: " + micros);
        }
    }

    /** Ticks in one dollar: the price of a certain yes (100 for a 1¢ grid). */
    public int maxTicks() {
        return 1_000_000 / micros;
    }

    /** The price in micro-dollars of {@code ticks}. */
    public long micros(int ticks) {
        return (long) ticks * micros;
    }

    /** Whether {@code ticks} is a tradable yes price (1 tick .. $1 − 1 tick). */
    public boolean tradable(int ticks) {
        return ticks > 0 && ticks < maxTicks();
    }
}
