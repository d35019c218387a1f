package io.kbt.engine.run;

/**
 * One row of the time series of one market: best yes bid/ask of the data (0 = none), the strategy's fair
 * value in cents ({@code NaN} = none), our quotes (0 = not quoting), position (hundredths) and that market's
 * P&amp;L marked to mid (micro-dollars).
 */
public record Sample(
        long ts,
        int market,
        int bestYesBid,
        int bestYesAsk,
        double fairCents,
        int ourBid,
        int ourAsk,
        long position,
        long pnlMicros) {}
