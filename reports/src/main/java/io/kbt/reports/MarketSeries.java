package io.kbt.reports;

import io.kbt.engine.market.Market;
import io.kbt.engine.run.Action;
import io.kbt.engine.run.Fill;
import io.kbt.engine.run.Sample;

/** The drawn series of one market: the data's best prices, our quotes, fair value, position and our fills. */
final class MarketSeries {
    final Market market;
    final SeriesBuffer bestBid;
    final SeriesBuffer bestAsk;
    final SeriesBuffer fair;
    final SeriesBuffer ourBid;
    final SeriesBuffer ourAsk;
    final SeriesBuffer position;
    final SeriesBuffer buys;
    final SeriesBuffer sells;
    long fills;

    MarketSeries(Market market, int buckets) {
        this.market = market;
        bestBid = new SeriesBuffer(buckets);
        bestAsk = new SeriesBuffer(buckets);
        fair = new SeriesBuffer(buckets);
        ourBid = new SeriesBuffer(buckets);
        ourAsk = new SeriesBuffer(buckets);
        position = new SeriesBuffer(buckets);
        buys = new SeriesBuffer(buckets);
        sells = new SeriesBuffer(buckets);
    }

    void add(Sample sample) {
        long ts = sample.ts();
        bestBid.add(ts, cents(sample.bestYesBid()));
        bestAsk.add(ts, cents(sample.bestYesAsk()));
        fair.add(ts, sample.fairCents());
        ourBid.add(ts, cents(sample.ourBid()));
        ourAsk.add(ts, cents(sample.ourAsk()));
        position.add(ts, sample.position() / 100.0);
    }

    void add(Fill fill) {
        fills++;
        (fill.action() == Action.BUY ? buys : sells).add(fill.ts(), cents(fill.price()));
    }

    /** Ticks as cents for drawing; 0 ticks (none) is {@code NaN}. */
    private double cents(int ticks) {
        return ticks == 0 ? Double.NaN : market.tickSize().micros(ticks) / 10_000.0;
    }
}
