package io.kbt.reports;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What was run, as the report prints it: the strategy and its parameters (in the order the user gave them), the
 * New York trading days, the queue model and fee schedule by name, and how long loading the data took.
 */
public record RunInfo(
        String strategy,
        Map<String, String> params,
        LocalDate from,
        LocalDate to,
        String queueModel,
        String feeSchedule,
        long loadMs) {
    public RunInfo {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** "2023-04-10" for one day, "2023-04-10 – 2023-04-14" for a range. */
    public String dates() {
        return from.equals(to) ? from.toString() : from + " – " + to;
    }
}
