package io.kbt.reports;

import io.kbt.engine.run.PnlPoint;

/** The drawn series of the whole portfolio, in dollars: P&amp;L marked to mid, realized, fees and drawdown. */
final class PortfolioSeries {
    final SeriesBuffer marked;
    final SeriesBuffer realized;
    final SeriesBuffer fees;
    final SeriesBuffer drawdown;
    // The peak starts at zero: a run that only loses is in drawdown from its first dollar.
    private long peakMicros;

    PortfolioSeries(int buckets) {
        marked = new SeriesBuffer(buckets);
        realized = new SeriesBuffer(buckets);
        fees = new SeriesBuffer(buckets);
        drawdown = new SeriesBuffer(buckets);
    }

    void add(PnlPoint point) {
        peakMicros = Math.max(peakMicros, point.markedMicros());
        marked.add(point.ts(), point.markedMicros() / 1e6);
        realized.add(point.ts(), point.realizedMicros() / 1e6);
        fees.add(point.ts(), point.feesMicros() / 1e6);
        drawdown.add(point.ts(), -(peakMicros - point.markedMicros()) / 1e6);
    }
}
