package io.kbt.engine.replay;

import io.kbt.engine.book.KalshiBook;
import io.kbt.engine.event.BookSide;
import io.kbt.engine.event.BookSnapshot;
import io.kbt.engine.event.IndexTick;
import io.kbt.engine.exchange.SimulatedExchange;
import io.kbt.engine.market.Instruments;
import io.kbt.engine.market.Market;
import io.kbt.engine.market.Result;
import io.kbt.engine.orders.OrderManager;
import io.kbt.engine.portfolio.Portfolio;
import io.kbt.engine.portfolio.SettlementRule;
import io.kbt.engine.run.Action;
import io.kbt.engine.run.BookAnomalies;
import io.kbt.engine.run.Fill;
import io.kbt.engine.run.FillRule;
import io.kbt.engine.run.Liquidity;
import io.kbt.engine.run.MarketSummary;
import io.kbt.engine.run.RunListener;
import io.kbt.engine.run.RunResult;
import io.kbt.engine.run.Settlement;
import io.kbt.engine.strategy.BookView;
import io.kbt.engine.strategy.Quote;
import io.kbt.engine.strategy.Strategy;
import io.kbt.engine.strategy.StrategyContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of one replay and the strategy's view of it: applies each event (book, then fills of our resting
 * orders), settles markets at close, and hands the strategy a context that shows nothing later than now: books
 * through read-only views, markets with their results hidden (a result reaches the strategy with its settlement).
 *
 * <p>With reaction per batch, the trades of a batch fill our orders after the batch's book events, in their own
 * order: a trade and the delta it caused arrive on different channels in either order, and the same history must
 * give the same fills.
 */
final class ReplaySession implements StrategyContext {
    private static final Logger LOG = LoggerFactory.getLogger(ReplaySession.class);
    private final Instruments instruments;
    /** {@link #instruments} with every result hidden: the strategy's view. */
    private final Instruments visible;
    private final BookView[] views;
    private final Market[] markets;
    private final long[] tickMicros;
    private final int[] underlying;
    private final Strategy strategy;
    private final RunListener listener;
    private final KalshiBook[] books;
    private final SimulatedExchange exchange;
    private final Portfolio portfolio;
    private final OrderManager orders;
    private final Recorder recorder;
    private final double[] indexLevels;
    private final Result[] settledResult;
    private final List<Fill> pendingFills = new ArrayList<>();
    /**
     * Markets the strategy quoted or priced in its current callback: their samples may have changed. Kept only
     * when the listener wants samples.
     */
    private final MarketSet touched;
    /**
     * The market of every change since the strategy's last batch callback, repeats included: one store per event
     * is cheaper than keeping a set, which is built only if the strategy asks ({@link #updatedCount}).
     */
    private int[] changes = new int[64];
    private int changeCount;
    /** {@link #changes} as they were when the current batch callback began. */
    private int[] shownChanges = new int[64];
    private int shownCount;
    /** The strategy's view: {@link #shownChanges} without repeats, built on first use in each callback. */
    private final MarketSet updated;
    private boolean updatedBuilt;
    private final boolean[] warnedCrossed;
    private final long[] trades;
    private final boolean deferTrades;
    /** The trades of the current batch, held until its book events are applied (reaction per batch only). */
    private int[] heldMarket = new int[16];
    private int[] heldPrice = new int[16];
    private long[] heldSize = new long[16];
    private boolean[] heldTakerYes = new boolean[16];
    private long[] heldSeq = new long[16];
    private int held;
    /** Markets whose close the data sent in the current batch: they close after its held trades, as all closes do. */
    private int[] heldCloses = new int[4];
    private int heldCloseCount;
    private final boolean fairRecorded;
    private long now = Long.MIN_VALUE;
    private long seq;
    long events;

    ReplaySession(Instruments instruments, Strategy strategy, ReplayConfig config, RunListener listener) {
        this.instruments = instruments;
        this.visible = instruments.withoutResults();
        this.markets = instruments.markets().toArray(Market[]::new);
        int n = markets.length;
        this.strategy = strategy;
        this.listener = listener;
        tickMicros = new long[n];
        underlying = new int[n];
        books = new KalshiBook[n];
        views = new BookView[n];
        for (int m = 0; m < n; m++) {
            tickMicros[m] = markets[m].tickSize().micros();
            underlying[m] = markets[m].underlying() == null ? -1 : instruments.symbolId(markets[m].underlying());
            books[m] = new KalshiBook(markets[m].tickSize().maxTicks());
            views[m] = books[m].view();
        }
        portfolio = new Portfolio(instruments, config.fees());
        exchange = new SimulatedExchange(books, config.queueModel(), portfolio::position, strategy.positionLimit(),
                this::onFill);
        orders = new OrderManager(exchange, n);
        recorder = new Recorder(listener, exchange, portfolio, n);
        indexLevels = new double[instruments.symbols().size()];
        Arrays.fill(indexLevels, Double.NaN);
        settledResult = new Result[n];
        Arrays.fill(settledResult, Result.UNKNOWN);
        touched = new MarketSet(n);
        updated = new MarketSet(n);
        warnedCrossed = new boolean[n];
        trades = new long[n];
        deferTrades = !config.reactPerEvent();
        fairRecorded = listener.wantsSamples();
    }

    void start() {
        strategy.onStart(this);
    }

    // ---- events ----

    void advance(long ts, long eventSeq) {
        if (ts < now) {
            throw new IllegalArgumentException("event at " + ts + " (seq " + eventSeq + ") is earlier than " + now);
        }
        now = ts;
        seq = eventSeq;
    }

    void snapshot(BookSnapshot snapshot) {
        int m = snapshot.market();
        changed(m);
        exchange.applySnapshot(snapshot, seq);
        afterBook(m);
    }

    /**
     * Most deltas change a level's size but not the best prices; then the mark, the market's sample and the P&amp;L
     * point would all repeat what afterBook last recorded (a fill during the delta records its own), so they are
     * skipped.
     */
    void delta(int m, BookSide side, int price, long delta) {
        changed(m);
        KalshiBook book = books[m];
        int bestYesBid = book.bestYesBid();
        int bestNoBid = book.bestNoBid();
        exchange.applyDelta(m, side, price, delta, seq);
        if (book.bestYesBid() != bestYesBid || book.bestNoBid() != bestNoBid) {
            afterBook(m);
        }
    }

    void trade(int m, int yesPrice, long count, BookSide takerSide) {
        changed(m);
        trades[m]++;
        if (!deferTrades) {
            exchange.onTrade(m, yesPrice, count, takerSide, seq);
            return;
        }
        int i = held;
        if (i == heldMarket.length) {
            int size = i * 2;
            heldMarket = Arrays.copyOf(heldMarket, size);
            heldPrice = Arrays.copyOf(heldPrice, size);
            heldSize = Arrays.copyOf(heldSize, size);
            heldTakerYes = Arrays.copyOf(heldTakerYes, size);
            heldSeq = Arrays.copyOf(heldSeq, size);
        }
        heldMarket[i] = m;
        heldPrice[i] = yesPrice;
        heldSize[i] = count;
        heldTakerYes[i] = takerSide == BookSide.YES;
        heldSeq[i] = seq;
        held = i + 1;
    }

    /**
     * The end of a batch of equal-timestamp events, before any close at that time: the held trades fill our
     * orders, then the exchange settles the queues the batch moved, then the markets the data closed in it close.
     */
    void endBatch() {
        for (int i = 0; i < held; i++) {
            exchange.onTrade(heldMarket[i], heldPrice[i], heldSize[i], heldTakerYes[i] ? BookSide.YES : BookSide.NO,
                    heldSeq[i]);
        }
        held = 0;
        exchange.endBatch();
        for (int i = 0; i < heldCloseCount; i++) {
            close(heldCloses[i]);
        }
        heldCloseCount = 0;
    }

    /**
     * A close sent in the data. A market closes after all data of its timestamp, so with reaction per batch it waits
     * for the batch's held trades.
     */
    void closeEvent(int m) {
        if (!deferTrades) {
            close(m);
            return;
        }
        if (heldCloseCount == heldCloses.length) {
            heldCloses = Arrays.copyOf(heldCloses, heldCloseCount * 2);
        }
        heldCloses[heldCloseCount++] = m;
    }

    void index(int symbol, double level, IndexTick tick) {
        indexLevels[symbol] = level;
        listener.onIndex(tick != null ? tick : new IndexTick(now, seq, symbol, level));
    }

    private void afterBook(int m) {
        KalshiBook book = books[m];
        if (book.crossed() && !warnedCrossed[m]) {
            warnedCrossed[m] = true;
            LOG.warn("{}: book crossed at {} (seq {}): best yes bid {} >= best yes ask {}; counted in anomalies",
                    markets[m].ticker(), now, seq, book.bestYesBid(), book.bestYesAsk());
        }
        portfolio.mark(m, book.bestYesBid(), book.bestYesAsk());
        recorder.sampleIfBookMoved(now, m);
        recorder.pnl(now);
    }

    /** Closes and settles market {@code m}; a second close (e.g. one already in the data) changes nothing. */
    void close(int m) {
        if (orders.closed(m)) {
            return;
        }
        orders.close(m);
        changed(m);
        Market market = markets[m];
        int symbol = underlying[m];
        SettlementRule.Outcome outcome =
                SettlementRule.decide(market, symbol < 0 ? Double.NaN : indexLevels[symbol]);
        long position = portfolio.position(m);
        long payout = portfolio.settle(m, outcome.result());
        settledResult[m] = outcome.result();
        Settlement settlement = new Settlement(now, m, outcome.result(), position, payout, outcome.source());
        listener.onSettlement(settlement);
        strategy.onSettlement(this, settlement);
        recorder.sampleIfChanged(now, m);
        recorder.pnl(now);
    }

    private void onFill(int m, Action action, int price, long count, Liquidity liquidity, FillRule rule, long cause) {
        long fee = portfolio.fill(m, action, price, count, liquidity, now);
        Fill fill = new Fill(now, m, action, price, count, fee, liquidity, portfolio.position(m), cause, rule);
        recorder.fill(fill, tickMicros[m]);
        pendingFills.add(fill);
        changed(m);
    }

    /**
     * The strategy's turn: pending fills first, then the batch callback, then samples of what it changed. No P&amp;L
     * point here: quotes and fair values do not move P&amp;L, and every fill, mark and settlement records its own.
     */
    void react() {
        int[] shown = changes;
        changes = shownChanges;
        shownChanges = shown;
        shownCount = changeCount;
        changeCount = 0;
        updatedBuilt = false;
        deliverFills();
        strategy.onBatch(this);
        for (int i = 0; i < touched.size(); i++) {
            recorder.sampleIfChanged(now, touched.get(i));
        }
        touched.clear();
    }

    private void changed(int m) {
        if (changeCount == changes.length) {
            changes = Arrays.copyOf(changes, changeCount * 2);
        }
        changes[changeCount++] = m;
    }

    private void deliverFills() {
        for (int i = 0; i < pendingFills.size(); i++) {
            strategy.onFill(this, pendingFills.get(i));
        }
        pendingFills.clear();
    }

    RunResult result(long replayNanos) {
        deliverFills();
        List<MarketSummary> summaries = new ArrayList<>(markets.length);
        long clamped = 0;
        long crossed = 0;
        List<String> withoutTrades = new ArrayList<>();
        for (int m = 0; m < markets.length; m++) {
            clamped += books[m].clampedLevels();
            crossed += books[m].crossedBooks();
            if (trades[m] == 0) {
                withoutTrades.add(markets[m].ticker());
            }
            Result result = settledResult[m] != Result.UNKNOWN ? settledResult[m] : markets[m].result();
            summaries.add(new MarketSummary(m, markets[m].ticker(), result, portfolio.markedMicros(m),
                    recorder.fills[m], recorder.contracts[m], recorder.heldPosition[m], portfolio.feesMicros(m)));
        }
        return new RunResult(summaries, events, recorder.fillCount, recorder.contractCount, recorder.volumeMicros,
                portfolio.feesMicros(), portfolio.markedMicros(), recorder.maxDrawdown, recorder.maxAbsPosition,
                portfolio.peakCapitalMicros(), orders.ordersSent(), orders.cancelsSent(),
                new BookAnomalies(clamped, crossed, 0, exchange.crossedFillsSkipped(), withoutTrades), replayNanos);
    }

    // ---- StrategyContext ----

    @Override
    public long now() {
        return now;
    }

    @Override
    public Instruments instruments() {
        return visible;
    }

    @Override
    public BookView book(int market) {
        return views[market];
    }

    @Override
    public double indexLevel(int symbol) {
        return indexLevels[symbol];
    }

    @Override
    public long position(int market) {
        return portfolio.position(market);
    }

    @Override
    public boolean closed(int market) {
        return orders.closed(market);
    }

    @Override
    public long pnlMicros() {
        return portfolio.markedMicros();
    }

    @Override
    public int updatedCount() {
        if (!updatedBuilt) {
            updated.clear();
            for (int i = 0; i < shownCount; i++) {
                updated.add(shownChanges[i]);
            }
            updatedBuilt = true;
        }
        return updated.size();
    }

    @Override
    public int updated(int i) {
        return updated.get(Objects.checkIndex(i, updatedCount()));
    }

    @Override
    public void quote(int market, Quote quote) {
        orders.apply(market, quote, seq);
        if (fairRecorded) {
            touched.add(market);
        }
    }

    @Override
    public boolean fairRecorded() {
        return fairRecorded;
    }

    @Override
    public void fair(int market, double cents) {
        recorder.fair(market, cents);
        touched.add(market);
    }
}
