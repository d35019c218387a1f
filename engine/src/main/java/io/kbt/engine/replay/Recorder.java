package io.kbt.engine.replay;

import io.kbt.engine.book.KalshiBook;
import io.kbt.engine.exchange.SimulatedExchange;
import io.kbt.engine.portfolio.Portfolio;
import io.kbt.engine.run.Fill;
import io.kbt.engine.run.PnlPoint;
import io.kbt.engine.run.RunListener;
import io.kbt.engine.run.Sample;
import java.util.Arrays;

/**
 * Streams a replay's time series to the listener: a {@link Sample} for a market whenever its best prices, our
 * quotes, its fair value or our position change and at every fill; a {@link PnlPoint} whenever total P&amp;L,
 * realized P&amp;L or fees change. Also keeps the run's running figures (drawdown, largest position, fills).
 * A listener that wants no samples ({@link RunListener#wantsSamples}) gets none, and nothing is compared for them.
 */
final class Recorder {
    private final RunListener listener;
    private final boolean samples;
    private final SimulatedExchange exchange;
    private final Portfolio portfolio;
    private final double[] fair;
    private final int[] lastBid;
    private final int[] lastAsk;
    private final int[] lastOurBid;
    private final int[] lastOurAsk;
    private final long[] lastPosition;
    private final double[] lastFair;
    final long[] fills;
    final long[] contracts;
    /** Position after each market's last fill: what it held into settlement. */
    final long[] heldPosition;
    private long lastMarked;
    private long lastRealized;
    private long lastFees;
    private long peakMarked;
    long maxDrawdown;
    long maxAbsPosition;
    long fillCount;
    long contractCount;
    long volumeMicros;

    Recorder(RunListener listener, SimulatedExchange exchange, Portfolio portfolio, int markets) {
        this.listener = listener;
        this.samples = listener.wantsSamples();
        this.exchange = exchange;
        this.portfolio = portfolio;
        heldPosition = new long[markets];
        fair = new double[markets];
        lastFair = new double[markets];
        Arrays.fill(fair, Double.NaN);
        Arrays.fill(lastFair, Double.NaN);
        lastBid = new int[markets];
        lastAsk = new int[markets];
        lastOurBid = new int[markets];
        lastOurAsk = new int[markets];
        lastPosition = new long[markets];
        fills = new long[markets];
        contracts = new long[markets];
    }

    void fair(int market, double cents) {
        fair[market] = cents;
    }

    double fair(int market) {
        return fair[market];
    }

    void fill(Fill fill, long tickMicros) {
        fillCount++;
        contractCount += fill.count();
        fills[fill.market()]++;
        contracts[fill.market()] += fill.count();
        heldPosition[fill.market()] = fill.positionAfter();
        volumeMicros += fill.count() * (fill.price() * tickMicros) / 100;
        maxAbsPosition = Math.max(maxAbsPosition, Math.abs(fill.positionAfter()));
        listener.onFill(fill);
        if (samples) {
            sample(fill.ts(), fill.market());
        }
        pnl(fill.ts());
    }

    /**
     * Emits a sample for {@code market} if its best prices moved: all a book event can change by itself (fills,
     * which also change our orders and position, emit their own samples).
     */
    void sampleIfBookMoved(long ts, int m) {
        if (!samples) {
            return;
        }
        KalshiBook book = exchange.book(m);
        if (book.bestYesBid() != lastBid[m] || book.bestYesAsk() != lastAsk[m]) {
            sample(ts, m);
        }
    }

    /** Emits a sample for {@code market} if anything it shows changed since the last one. */
    void sampleIfChanged(long ts, int m) {
        if (!samples) {
            return;
        }
        KalshiBook book = exchange.book(m);
        if (book.bestYesBid() != lastBid[m]
                || book.bestYesAsk() != lastAsk[m]
                || ourBid(m) != lastOurBid[m]
                || ourAsk(m) != lastOurAsk[m]
                || portfolio.position(m) != lastPosition[m]
                || Double.compare(fair[m], lastFair[m]) != 0) {
            sample(ts, m);
        }
    }

    private void sample(long ts, int m) {
        KalshiBook book = exchange.book(m);
        lastBid[m] = book.bestYesBid();
        lastAsk[m] = book.bestYesAsk();
        lastOurBid[m] = ourBid(m);
        lastOurAsk[m] = ourAsk(m);
        lastPosition[m] = portfolio.position(m);
        lastFair[m] = fair[m];
        listener.onSample(new Sample(ts, m, lastBid[m], lastAsk[m], fair[m], lastOurBid[m], lastOurAsk[m],
                lastPosition[m], portfolio.markedMicros(m)));
    }

    private int ourBid(int m) {
        return exchange.bid(m).active() ? exchange.bid(m).price() : 0;
    }

    private int ourAsk(int m) {
        return exchange.ask(m).active() ? exchange.ask(m).price() : 0;
    }

    /** Emits a P&amp;L point if total, realized or fees changed; tracks the drawdown of marked P&amp;L. */
    void pnl(long ts) {
        long marked = portfolio.markedMicros();
        long realized = portfolio.realizedMicros();
        long fees = portfolio.feesMicros();
        if (marked != lastMarked || realized != lastRealized || fees != lastFees) {
            lastMarked = marked;
            lastRealized = realized;
            lastFees = fees;
            peakMarked = Math.max(peakMarked, marked);
            maxDrawdown = Math.max(maxDrawdown, peakMarked - marked);
            listener.onPnl(new PnlPoint(ts, marked, realized, fees));
        }
    }
}
