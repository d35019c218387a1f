package io.kbt.engine.run;

import io.kbt.engine.market.Result;

/**
 * Per-market figures of a run (money in micro-dollars, quantities in hundredths). {@code finalPosition} is the
 * position held at the end of the run, i.e. into settlement when the market settled.
 */
public record MarketSummary(
        int market,
        String ticker,
        Result result,
        long pnlMicros,
        long fills,
        long contracts,
        long finalPosition,
        long feesMicros) {}
