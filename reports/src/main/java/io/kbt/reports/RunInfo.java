package io.kbt.reports;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What was run, as the report prints it: the strategy and its parameters (in the order the user gave them), the
 * New York trading days, the queue model and fee schedule by name, how long loading the data took, where each
 * market's book came from ({@code recorded} or {@code candles}; a market not named was recorded) and, for a
 * schedule that changes over time, which fees applied.
 */
public record RunInfo(
        String strategy,
        Map<String, String> params,
        LocalDate from,
        LocalDate to,
        String queueModel,
        String feeSchedule,
        long loadMs,
        Map<String, String> bookSources,
        List<String> feeDetails) {
    public static final String RECORDED = "recorded";
    public static final String CANDLES = "candles";

    public RunInfo {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        bookSources = Map.copyOf(bookSources);
        feeDetails = List.copyOf(feeDetails);
    }

    /** Every book recorded, a fee schedule by name only. */
    public RunInfo(String strategy, Map<String, String> params, LocalDate from, LocalDate to, String queueModel,
            String feeSchedule, long loadMs) {
        this(strategy, params, from, to, queueModel, feeSchedule, loadMs, Map.of(), List.of());
    }

    /** Where {@code ticker}'s book came from. */
    public String bookSource(String ticker) {
        return bookSources.getOrDefault(ticker, RECORDED);
    }

    /** {@code recorded}, {@code candles}, or {@code mixed (N of M markets from candles)} over {@code tickers}. */
    public String bookSource(List<String> tickers) {
        long candles = tickers.stream().filter(t -> bookSource(t).equals(CANDLES)).count();
        if (candles == 0) {
            return RECORDED;
        }
        return candles == tickers.size() ? CANDLES
                : "mixed (" + candles + " of " + tickers.size() + " markets from candles)";
    }

    /** "2023-04-10" for one day, "2023-04-10 – 2023-04-14" for a range. */
    public String dates() {
        return from.equals(to) ? from.toString() : from + " – " + to;
    }
}
