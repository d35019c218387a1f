package io.kbt.engine.replay;

import io.kbt.engine.event.BookDelta;
import io.kbt.engine.event.BookSide;
import io.kbt.engine.event.BookSnapshot;
import io.kbt.engine.event.IndexTick;
import io.kbt.engine.event.Level;
import io.kbt.engine.event.MarketEvent;
import io.kbt.engine.event.Trade;
import io.kbt.engine.market.Instruments;
import io.kbt.engine.market.Market;
import io.kbt.engine.market.Result;
import io.kbt.engine.market.StrikeType;
import io.kbt.engine.market.TickSize;
import io.kbt.engine.run.Fill;
import io.kbt.engine.run.RunListener;
import io.kbt.engine.strategy.Quote;
import io.kbt.engine.strategy.Strategy;
import io.kbt.engine.strategy.StrategyContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A random but reproducible day for property tests: two markets (1¢ and 0.1¢ ticks) with snapshots, deltas
 * (some driving levels below zero), trades and index ticks; the first market closes mid-stream. And a random
 * quoting strategy, also seeded, that keeps a constant size per side so each order's size is known.
 */
final class RandomDay {
    final Instruments instruments;
    final List<MarketEvent> events = new ArrayList<>();
    final long seed;

    RandomDay(long seed, int length) {
        this.seed = seed;
        Random random = new Random(seed);
        long close0 = 1 + length / 2;
        instruments = new Instruments(List.of(
                new Market(0, "INXD-A", "INXD-E", "INXD", StrikeType.GREATER, 4000, Double.NaN, "SPX", 0, close0,
                        random.nextBoolean() ? Result.YES : Result.NO, TickSize.CENT),
                new Market(1, "KXBTC-B", "KXBTC-E", "KXBTC", StrikeType.LESS, Double.NaN, 4100, "SPX", 0,
                        length * 3L, random.nextBoolean() ? Result.YES : Result.NO, TickSize.TENTH_CENT)),
                List.of("SPX"));
        long ts = 1;
        long seq = 0;
        events.add(snapshot(random, ts, seq++, 0));
        events.add(snapshot(random, ts, seq++, 1));
        for (int i = 0; i < length; i++) {
            ts += random.nextInt(3);
            int m = random.nextInt(2);
            int max = instruments.market(m).tickSize().maxTicks();
            int kind = random.nextInt(20);
            if (kind == 0) {
                events.add(snapshot(random, ts, seq++, m));
            } else if (kind < 4) {
                events.add(new IndexTick(ts, seq++, 0, 3900 + random.nextInt(300)));
            } else if (kind < 10) {
                events.add(new Trade(ts, seq++, m, near(random, max), 1 + random.nextInt(800),
                        random.nextBoolean() ? BookSide.YES : BookSide.NO));
            } else {
                events.add(new BookDelta(ts, seq++, m, random.nextBoolean() ? BookSide.YES : BookSide.NO,
                        near(random, max), random.nextInt(1_001) - 500));
            }
        }
    }

    /** Prices cluster around the middle so orders and trades meet. */
    private static int near(Random random, int max) {
        int spread = Math.max(3, max / 20);
        return max / 2 - spread + random.nextInt(2 * spread + 1);
    }

    private static BookSnapshot snapshot(Random random, long ts, long seq, int m) {
        int max = m == 0 ? 100 : 1000;
        List<Level> yes = new ArrayList<>();
        List<Level> no = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            yes.add(new Level(near(random, max) - max / 20, 1 + random.nextInt(2_000)));
            no.add(new Level(near(random, max) - max / 20, 1 + random.nextInt(2_000)));
        }
        return new BookSnapshot(ts, seq, m, yes, no);
    }

    /** Random quoting with a fixed size per market side; checks levels and per-order fill sizes as it goes. */
    static final class QuotingStrategy implements Strategy, RunListener {
        private final Random random;
        private final long limit;
        final long[][] size = new long[2][2];
        private final int[][] lastPrice = new int[2][2];
        final long[][] filledSinceOrder = new long[2][2];
        long worstOverfill;
        long negativeLevels;

        QuotingStrategy(long seed) {
            random = new Random(seed * 31 + 7);
            limit = random.nextBoolean() ? Long.MAX_VALUE : 200 + random.nextInt(2_000);
            for (long[] sides : size) {
                sides[0] = 50 + random.nextInt(1_000);
                sides[1] = 50 + random.nextInt(1_000);
            }
        }

        @Override
        public long positionLimit() {
            return limit;
        }

        @Override
        public void onBatch(StrategyContext context) {
            for (int m = 0; m < 2; m++) {
                int max = context.book(m).maxTicks();
                for (int p = 1; p < max; p++) {
                    if (context.book(m).yesBidSize(p) < 0 || context.book(m).yesAskSize(p) < 0) {
                        negativeLevels++;
                    }
                }
                if (context.closed(m) || random.nextInt(3) != 0) {
                    continue;
                }
                int bid = random.nextInt(5) == 0 ? 0 : near(random, max);
                int ask = random.nextInt(5) == 0 ? 0 : near(random, max);
                boolean postOnly = random.nextBoolean();
                startOrder(m, 0, bid);
                startOrder(m, 1, ask);
                context.fair(m, random.nextInt(100));
                context.quote(m, new Quote(bid, bid == 0 ? 0 : size[m][0], ask, ask == 0 ? 0 : size[m][1], postOnly));
            }
        }

        /** A side starts a new order when its price changes, it was off, or the last one filled completely. */
        private void startOrder(int m, int side, int price) {
            if (price != lastPrice[m][side] || price == 0 || filledSinceOrder[m][side] >= size[m][side]) {
                filledSinceOrder[m][side] = 0;
            }
            lastPrice[m][side] = price;
        }

        @Override
        public void onFill(Fill fill) {
            int side = fill.action() == io.kbt.engine.run.Action.BUY ? 0 : 1;
            filledSinceOrder[fill.market()][side] += fill.count();
            worstOverfill = Math.max(worstOverfill, filledSinceOrder[fill.market()][side] - size[fill.market()][side]);
        }
    }
}
