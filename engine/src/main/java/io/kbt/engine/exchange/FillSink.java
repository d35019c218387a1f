package io.kbt.engine.exchange;

import io.kbt.engine.run.Action;
import io.kbt.engine.run.FillRule;
import io.kbt.engine.run.Liquidity;

/** Receives the exchange's fills as they happen (prices in yes ticks, counts in hundredths). */
@FunctionalInterface
public interface FillSink {
    void onFill(int market, Action action, int price, long count, Liquidity liquidity, FillRule rule, long causeSeq);
}
