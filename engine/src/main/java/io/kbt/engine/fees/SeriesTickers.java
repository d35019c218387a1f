package io.kbt.engine.fees;

import io.kbt.engine.market.Market;

/**
 * Kalshi series names across both ticker generations: a 2023 series such as {@code INXD} became {@code KXINXD}, so
 * the fee rules match a series with its {@code KX} prefix taken off. A market's series is its series ticker, or
 * when it has none, the first part of its ticker ({@code INXD-23APR10-B4075} → {@code INXD}).
 */
final class SeriesTickers {
    /** Period letters a family's series end in: daily, weekly, monthly, quarterly, yearly, hourly. */
    private static final String PERIODS = "DWMQYU";

    private SeriesTickers() {}

    /** The series of {@code market} without its generation prefix, e.g. {@code INXU} for {@code KXINXU-25...}. */
    static String base(Market market) {
        String series = market.seriesTicker();
        if (series == null || series.isBlank()) {
            String ticker = market.ticker();
            int dash = ticker.indexOf('-');
            series = dash < 0 ? ticker : ticker.substring(0, dash);
        }
        series = series.trim();
        return series.startsWith("KX") ? series.substring(2) : series;
    }

    /**
     * Whether a series base belongs to {@code family}: the family itself or the family and one period letter
     * ({@code INX}, {@code INXD}, {@code INXW}, {@code INXU} are all {@code INX}; {@code INXBTC} is not).
     */
    static boolean inFamily(String base, String family) {
        if (!base.startsWith(family)) {
            return false;
        }
        int extra = base.length() - family.length();
        return extra == 0 || (extra == 1 && PERIODS.indexOf(base.charAt(base.length() - 1)) >= 0);
    }
}
