package io.kbt.runner.sweep;

import io.kbt.engine.market.Result;
import io.kbt.engine.run.MarketSummary;
import io.kbt.engine.run.RunResult;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures of one cell, a parameter set over one shard, as plain serializable values (Spark sends them back
 * to the driver). Money in micro-dollars, quantities in hundredths. {@code peakMicros} and {@code troughMicros}
 * are the highest and lowest marked P&amp;L within the cell (both counted from 0), so that cells chain into the
 * drawdown of the whole range exactly. Market ids are the sweep's.
 */
public record CellResult(
        int set,
        int shard,
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
        long clampedLevels,
        long crossedBooks,
        long skippedEvents,
        long replayNanos,
        long peakMicros,
        long troughMicros,
        List<CellMarket> markets) implements Serializable {

    /** One market's figures within a cell. */
    public record CellMarket(int market, String ticker, Result result, long pnlMicros, long fills, long contracts,
            long finalPosition, long feesMicros) implements Serializable {
        MarketSummary summary() {
            return new MarketSummary(market, ticker, result, pnlMicros, fills, contracts, finalPosition, feesMicros);
        }
    }

    public CellResult {
        markets = List.copyOf(markets);
    }

    static CellResult of(int set, int shard, RunResult r, int[] fullIds, long peakMicros, long troughMicros) {
        List<CellMarket> markets = new ArrayList<>(r.markets().size());
        for (MarketSummary m : r.markets()) {
            markets.add(new CellMarket(fullIds[m.market()], m.ticker(), m.result(), m.pnlMicros(), m.fills(),
                    m.contracts(), m.finalPosition(), m.feesMicros()));
        }
        return new CellResult(set, shard, r.events(), r.fills(), r.contracts(), r.volumeMicros(), r.feesMicros(),
                r.pnlMicros(), r.maxDrawdownMicros(), r.maxAbsPosition(), r.peakCapitalMicros(), r.ordersSent(),
                r.cancelsSent(), r.anomalies().clampedLevels(), r.anomalies().crossedBooks(),
                r.anomalies().skippedEvents(), r.replayNanos(), peakMicros, troughMicros, markets);
    }
}
