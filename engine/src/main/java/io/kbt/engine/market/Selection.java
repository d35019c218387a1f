package io.kbt.engine.market;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Which markets a backtest replays: those of the given series or tickers (all when both are empty) that close
 * on a New York trading day within [from, to].
 */
public record Selection(List<String> series, List<String> tickers, LocalDate from, LocalDate to) {
    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    public Selection {
        series = List.copyOf(series);
        tickers = List.copyOf(tickers);
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
    }

    /** UTC epoch microseconds of New York midnight starting {@code from}. */
    public long fromMicros() {
        return from.atStartOfDay(NEW_YORK).toInstant().toEpochMilli() * 1_000;
    }

    /** UTC epoch microseconds of New York midnight ending {@code to} (exclusive). */
    public long toMicrosExclusive() {
        return to.plusDays(1).atStartOfDay(NEW_YORK).toInstant().toEpochMilli() * 1_000;
    }

    public boolean includes(String ticker, String seriesTicker, long closeTime) {
        boolean named = (series.isEmpty() && tickers.isEmpty())
                || tickers.contains(ticker)
                || series.contains(seriesTicker);
        return named && closeTime >= fromMicros() && closeTime < toMicrosExclusive();
    }
}
