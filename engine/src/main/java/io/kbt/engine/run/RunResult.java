package io.kbt.engine.run;

import java.util.List;

/**
 * The figures of one replay. Money in micro-dollars, quantities in hundredths of a contract.
 * {@code pnlMicros} == Σ fill cash flows + Σ settlements − Σ fees (+ open positions marked to mid when a market
 * could not settle).
 */
public record RunResult(
        List<MarketSummary> markets,
        long events,
        long fills,
        long contracts,
        long volumeMicros,
        long feesMicros,
        long pnlMicros,
        long maxDrawdownMicros,
        long maxAbsPosition,
        long peakCapitalMicros,
        long ordersSent,
        long cancelsSent,
        BookAnomalies anomalies,
        long replayNanos) {
    public RunResult {
        markets = List.copyOf(markets);
    }
}
