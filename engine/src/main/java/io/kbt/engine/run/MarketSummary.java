package io.kbt.engine.run;

import io.kbt.engine.market.Result;

/** Per-market figures of a run (money in micro-dollars, quantities in hundredths). */
public record MarketSummary(
        int market,
        String ticker,
        Result result,
        long pnlMicros,
        long fills,
        long contracts,
        long finalPosition,
        long feesMicros) {}
