package io.kbt.bench;

import io.kbt.engine.event.BookDelta;
import io.kbt.engine.event.BookSide;
import io.kbt.engine.event.BookSnapshot;
import io.kbt.engine.event.EventSource;
import io.kbt.engine.event.IndexTick;
import io.kbt.engine.event.Level;
import io.kbt.engine.event.MarketEvent;
import io.kbt.engine.event.Trade;
import io.kbt.engine.market.Instruments;
import io.kbt.engine.market.Market;
import io.kbt.engine.market.Result;
import io.kbt.engine.market.StrikeType;
import io.kbt.engine.market.TickSize;
import io.kbt.engine.replay.EventTape;
import io.kbt.engine.replay.Replay;
import io.kbt.engine.replay.ReplayConfig;
import io.kbt.engine.run.RunListener;
import io.kbt.engine.run.RunResult;
import io.kbt.engine.strategy.BookView;
import io.kbt.engine.strategy.Quote;
import io.kbt.engine.strategy.Strategy;
import io.kbt.engine.strategy.StrategyContext;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Replay-loop throughput: a deterministic in-memory day of {@value #MARKETS} markets and {@value #EVENTS} events
 * (deltas, trades, S&amp;P ticks; a few snapshots) replayed from an {@link EventTape} with a strategy that reacts
 * to every batch: it looks at the markets the batch changed ({@link StrategyContext#updated}) and re-quotes the
 * touch (skewed by inventory) where the book or our position moved. A variant looks at all 12 markets after
 * every batch instead. Score = events per second on one thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ReplayBenchmark {
    static final int MARKETS = 12;
    static final int EVENTS = 3_000_000;
    private static final long MICROS_PER_DAY = 6L * 3600 * 1_000_000;

    private Instruments instruments;
    private EventTape tape;

    @Setup(org.openjdk.jmh.annotations.Level.Trial)
    public void load() {
        List<Market> markets = new ArrayList<>();
        for (int m = 0; m < MARKETS; m++) {
            markets.add(new Market(m, "INXD-BENCH-B" + (4000 + 25 * m), "INXD-BENCH", "INXD", StrikeType.BETWEEN,
                    4000 + 25 * m, 4024.99 + 25 * m, "SPX", 0, MICROS_PER_DAY + 1, m % 2 == 0 ? Result.YES : Result.NO,
                    TickSize.CENT));
        }
        instruments = new Instruments(markets, List.of("SPX"));
        tape = EventTape.record(new GeneratedDay(EVENTS, 20_230_410L));
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public RunResult replayEventTape() {
        return Replay.run(instruments, tape.source(), new TouchQuoter(false), ReplayConfig.defaults(),
                RunListener.NONE);
    }

    /** The same quoting, but the strategy scans every market after every batch. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public RunResult replayEventTapeScanningAllMarkets() {
        return Replay.run(instruments, tape.source(), new TouchQuoter(true), ReplayConfig.defaults(),
                RunListener.NONE);
    }

    /** The same day with a strategy that never quotes: the cost of books, marks and batching alone. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public RunResult replayEventTapeIdleStrategy() {
        return Replay.run(instruments, tape.source(), context -> {}, ReplayConfig.defaults(), RunListener.NONE);
    }

    /** A random walk of books around a drifting mid per market; same seed, same day. */
    static final class GeneratedDay implements EventSource {
        private final SplittableRandom random;
        private final int events;
        private final int[] mid = new int[MARKETS];
        private final ArrayList<MarketEvent> pending = new ArrayList<>();
        private int emitted;
        private long ts = 1;
        private long seq;
        private double spx = 4100;

        GeneratedDay(int events, long seed) {
            this.events = events;
            this.random = new SplittableRandom(seed);
            for (int m = 0; m < MARKETS; m++) {
                mid[m] = 20 + random.nextInt(60);
                pending.add(snapshot(m));
            }
        }

        private BookSnapshot snapshot(int m) {
            List<Level> yes = new ArrayList<>();
            List<Level> no = new ArrayList<>();
            for (int d = 1; d <= 5; d++) {
                yes.add(new Level(Math.max(1, mid[m] - d), 100 * (1 + random.nextInt(50))));
                no.add(new Level(Math.max(1, 100 - mid[m] - d), 100 * (1 + random.nextInt(50))));
            }
            return new BookSnapshot(ts, seq++, m, yes, no);
        }

        @Override
        public MarketEvent next() {
            if (!pending.isEmpty()) {
                emitted++;
                return pending.remove(0);
            }
            if (emitted >= events) {
                return null;
            }
            emitted++;
            if (random.nextInt(3) == 0) {
                ts += 1 + random.nextInt(10_000);
            }
            int kind = random.nextInt(100);
            int m = random.nextInt(MARKETS);
            if (kind < 5) {
                spx += (random.nextInt(21) - 10) / 100.0;
                return new IndexTick(ts, seq++, 0, spx);
            }
            if (kind < 6) {
                mid[m] = Math.min(90, Math.max(10, mid[m] + random.nextInt(3) - 1));
                return snapshot(m);
            }
            if (kind < 16) {
                boolean buyYes = random.nextBoolean();
                int price = buyYes ? mid[m] + random.nextInt(2) : mid[m] - random.nextInt(2);
                return new Trade(ts, seq++, m, price, 100 * (1 + random.nextInt(20)),
                        buyYes ? BookSide.YES : BookSide.NO);
            }
            boolean yes = random.nextBoolean();
            int price = yes ? mid[m] - 1 - random.nextInt(5) : 100 - mid[m] - 1 - random.nextInt(5);
            long delta = 100L * (random.nextInt(41) - 20);
            return new BookDelta(ts, seq++, m, yes ? BookSide.YES : BookSide.NO, Math.max(1, price), delta);
        }
    }

    /** Joins the best bid and ask with 10 contracts, one tick back on the side we are long. */
    static final class TouchQuoter implements Strategy {
        private final boolean scanAll;
        private final int[] lastBid = new int[MARKETS];
        private final int[] lastAsk = new int[MARKETS];
        private final long[] lastPosition = new long[MARKETS];

        TouchQuoter(boolean scanAll) {
            this.scanAll = scanAll;
        }

        @Override
        public void onBatch(StrategyContext context) {
            if (scanAll) {
                for (int m = 0; m < MARKETS; m++) {
                    requote(context, m);
                }
            } else {
                for (int i = 0; i < context.updatedCount(); i++) {
                    requote(context, context.updated(i));
                }
            }
        }

        private void requote(StrategyContext context, int m) {
            BookView book = context.book(m);
            int bid = book.bestYesBid();
            int ask = book.bestYesAsk();
            long position = context.position(m);
            if (bid == lastBid[m] && ask == lastAsk[m] && position == lastPosition[m]) {
                return;
            }
            lastBid[m] = bid;
            lastAsk[m] = ask;
            lastPosition[m] = position;
            if (context.closed(m) || bid == 0 || ask == 0 || ask - bid < 2) {
                context.quote(m, Quote.NONE);
                return;
            }
            int skew = position > 2_000 ? 1 : 0;
            int askSkew = position < -2_000 ? 1 : 0;
            context.quote(m, new Quote(bid - skew, 1_000, ask + askSkew, 1_000, true));
        }

        @Override
        public long positionLimit() {
            return 5_000;
        }
    }
}
