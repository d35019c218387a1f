package io.kbt.engine.fees;

import io.kbt.engine.market.Market;
import io.kbt.engine.run.Liquidity;
import java.util.List;

/**
 * A schedule of flat taker and maker rates, with a reduced taker rate for series whose ticker starts with one
 * of {@code reducedSeriesPrefixes} (Kalshi charges INX and NASDAQ100 half the general rate).
 */
public record RateSchedule(
        String name, FeeRate taker, FeeRate maker, List<String> reducedSeriesPrefixes, FeeRate reducedTaker)
        implements FeeSchedule {
    public RateSchedule {
        reducedSeriesPrefixes = List.copyOf(reducedSeriesPrefixes);
    }

    @Override
    public long feeMicros(Market market, Liquidity liquidity, int price, long count) {
        FeeRate rate = liquidity == Liquidity.MAKER ? maker : takerRate(market.seriesTicker());
        return rate.feeMicros(market.tickSize().micros(price), count);
    }

    private FeeRate takerRate(String series) {
        if (series != null) {
            for (String prefix : reducedSeriesPrefixes) {
                if (series.startsWith(prefix)) {
                    return reducedTaker;
                }
            }
        }
        return taker;
    }
}
