package io.kbt.engine.fees;

import io.kbt.engine.market.Market;
import io.kbt.engine.run.Liquidity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code --fees kalshi}: each series' own fee history ({@code GET /series/fee_changes}, fetched by
 * {@code kbt fetch fees}). A fill pays what its market's series charged at the fill's time: the latest change at
 * or before it. Kalshi's fee types over its General Trading Fees Table: {@code quadratic} charges takers
 * 0.07 × multiplier × C × P × (1 − P) and makers nothing; {@code quadratic_with_maker_fees} adds makers at
 * 0.0175 × multiplier; {@code flat} (the Specific Trading Fees Table, which the API does not spell out) is
 * charged like {@code quadratic}. Fills before a series' first change, or of a series without history, pay
 * the {@code fallback} schedule.
 */
public final class KalshiFeeSchedule implements FeeSchedule {
    public static final String NAME = "kalshi";
    private static final BigDecimal TAKER_BASE = new BigDecimal("0.07");
    private static final BigDecimal MAKER_BASE = new BigDecimal("0.0175");

    /** Kalshi's {@code fee_type}. */
    public enum FeeType {
        QUADRATIC, QUADRATIC_WITH_MAKER_FEES, FLAT;

        public static FeeType of(String text) {
            return valueOf(text.toUpperCase(Locale.ROOT));
        }

        public String kalshiName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** From {@code effectiveFrom} (UTC epoch µs) on, {@code series} charges {@code type} × {@code multiplier}. */
    public record Change(String series, long effectiveFrom, FeeType type, BigDecimal multiplier) {
        FeeRate taker() {
            return new FeeRate(TAKER_BASE.multiply(multiplier));
        }

        FeeRate maker() {
            return type == FeeType.QUADRATIC_WITH_MAKER_FEES ? new FeeRate(MAKER_BASE.multiply(multiplier))
                    : FeeRate.ZERO;
        }

        public String describe() {
            return series + ": " + type.kalshiName() + " x" + multiplier.stripTrailingZeros().toPlainString()
                    + " from " + Instant.EPOCH.plusNanos(effectiveFrom * 1000);
        }
    }

    private record Rates(long from, FeeRate taker, FeeRate maker) {}

    private final Map<String, Rates[]> bySeries = new TreeMap<>();
    private final List<Change> changes;
    private final FeeSchedule fallback;

    public KalshiFeeSchedule(List<Change> changes, FeeSchedule fallback) {
        List<Change> sorted = new ArrayList<>(changes);
        sorted.sort(Comparator.comparing(Change::series).thenComparingLong(Change::effectiveFrom));
        this.changes = List.copyOf(sorted);
        this.fallback = fallback;
        Map<String, List<Rates>> lists = new TreeMap<>();
        for (Change c : sorted) {
            lists.computeIfAbsent(c.series(), k -> new ArrayList<>()).add(new Rates(c.effectiveFrom(), c.taker(), c.maker()));
        }
        lists.forEach((series, rates) -> bySeries.put(series, rates.toArray(Rates[]::new)));
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The changes this schedule knows, by series and time, and what applies without one. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        changes.forEach(c -> lines.add(c.describe()));
        lines.add("otherwise (no fee history for the series, or before its first change): " + fallback.name());
        return lines;
    }

    /** Without a time, the fallback's fee: a fill always has one in a replay. */
    @Override
    public long feeMicros(Market market, Liquidity liquidity, int price, long count) {
        return fallback.feeMicros(market, liquidity, price, count);
    }

    @Override
    public long feeMicros(Market market, Liquidity liquidity, int price, long count, long ts) {
        Rates rates = inForce(market.seriesTicker(), ts);
        if (rates == null) {
            return fallback.feeMicros(market, liquidity, price, count, ts);
        }
        FeeRate rate = liquidity == Liquidity.MAKER ? rates.maker : rates.taker;
        return rate.feeMicros(market.tickSize().micros(price), count);
    }

    private Rates inForce(String series, long ts) {
        Rates[] rates = series == null ? null : bySeries.get(series);
        if (rates == null) {
            return null;
        }
        Rates found = null;
        for (Rates r : rates) {
            if (r.from <= ts) {
                found = r;
            } else {
                break;
            }
        }
        return found;
    }
}
