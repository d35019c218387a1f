package io.kbt.engine.fees;

import io.kbt.engine.market.Market;
import io.kbt.engine.run.Liquidity;
import java.util.List;

/**
 * A schedule of flat taker and maker rates. Takers pay {@code reducedTaker} on the series of
 * {@code reducedFamilies} (Kalshi charges the S&amp;P 500 and Nasdaq-100 families, INX* and NASDAQ100*, half the
 * general rate) and {@code taker} elsewhere; makers pay {@code maker} on the series named in
 * {@code makerFeeSeries}, or on every series when that list is empty. Series match in both ticker generations
 * ({@link SeriesTickers}): name them without the {@code KX} prefix.
 */
public record RateSchedule(
        String name,
        FeeRate taker,
        FeeRate maker,
        List<String> reducedFamilies,
        FeeRate reducedTaker,
        List<String> makerFeeSeries)
        implements FeeSchedule {
    public RateSchedule {
        reducedFamilies = List.copyOf(reducedFamilies);
        makerFeeSeries = List.copyOf(makerFeeSeries);
    }

    @Override
    public long feeMicros(Market market, Liquidity liquidity, int price, long count) {
        FeeRate rate = liquidity == Liquidity.MAKER ? makerRate(market) : takerRate(market);
        return rate.feeMicros(market.tickSize().micros(price), count);
    }

    private FeeRate takerRate(Market market) {
        if (!reducedFamilies.isEmpty()) {
            String base = SeriesTickers.base(market);
            for (String family : reducedFamilies) {
                if (SeriesTickers.inFamily(base, family)) {
                    return reducedTaker;
                }
            }
        }
        return taker;
    }

    private FeeRate makerRate(Market market) {
        if (maker.rate().signum() == 0 || makerFeeSeries.isEmpty()) {
            return maker;
        }
        return makerFeeSeries.contains(SeriesTickers.base(market)) ? maker : FeeRate.ZERO;
    }
}
