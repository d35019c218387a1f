package io.kbt.reports;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One cell of a sweep: a parameter set's figures over one settlement day (or multi-day shard, dated by its last
 * day). Money in micro-dollars, quantities in hundredths of a contract.
 */
public record DailyRow(Map<String, String> params, LocalDate day, long pnlMicros, long fills, long contracts,
        long feesMicros, long maxAbsPosition, long maxDrawdownMicros) {
    public DailyRow {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
}
