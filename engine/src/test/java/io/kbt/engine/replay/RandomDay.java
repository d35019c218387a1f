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
import io.kbt.engine.run.Action;
import io.kbt.engine.run.Fill;
import io.kbt.engine.run.RunListener;
import io.kbt.engine.strategy.BookView;
import io.kbt.engine.strategy.Quote;
import io.kbt.engine.strategy.Strategy;
import io.kbt.engine.strategy.StrategyContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A random but reproducible day for property tests: two markets (1¢ and 0.1¢ ticks) with snapshots, deltas
 * (some driving levels below zero), cancels at the best levels, trades at the best levels together with the delta
 * each caused (in either order, at one timestamp), other trades and index ticks; the first market closes
 * mid-stream. And a random quoting strategy, also seeded, that sometimes quotes across the book (so it takes and
 * rests the rest), re-quotes after partial fills at the same price with the same, the remaining, a smaller or a
 * larger size, and often has a position limit small enough to cut its takes short.
 */
final class RandomDay {
    final Instruments instruments;
    final List<MarketEvent> events = new ArrayList<>();
    final long seed;
    private final long[][] yes = new long[2][];
    private final long[][] no = new long[2][];

    RandomDay(long seed, int length) {
        this.seed = seed;
        Random random = new Random(seed);
        long close0 = 1 + length / 2;
        instruments = new Instruments(List.of(
                new Market(0, "INXD-A", "INXD-E", "INXD", StrikeType.GREATER, 4000, Double.NaN, "SPX", 0, close0,
                        random.nextBoolean() ? Result.YES : Result.NO, TickSize.CENT),
                new Market(1, "KXFED-B", "KXFED-E", "KXFED", StrikeType.LESS, Double.NaN, 4100, "SPX", 0,
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
            } else if (kind < 3) {
                events.add(new IndexTick(ts, seq++, 0, 3900 + random.nextInt(300)));
            } else if (kind < 6) {
                events.add(new Trade(ts, seq++, m, near(random, max), 1 + random.nextInt(800),
                        random.nextBoolean() ? BookSide.YES : BookSide.NO));
            } else if (kind < 10) {
                seq = tradeWithItsDelta(random, ts, seq, m);
            } else if (kind < 12) {
                BookSide side = random.nextBoolean() ? BookSide.YES : BookSide.NO;
                int best = best(side == BookSide.YES ? yes[m] : no[m]);
                if (best > 0) {
                    long size = (side == BookSide.YES ? yes[m] : no[m])[best];
                    add(new BookDelta(ts, seq++, m, side, best, -(1 + random.nextInt((int) Math.min(size, 1_000)))));
                }
            } else {
                add(new BookDelta(ts, seq++, m, random.nextBoolean() ? BookSide.YES : BookSide.NO,
                        near(random, max), random.nextInt(1_001) - 500));
            }
        }
    }

    /** A trade at the best level of one side and the delta taking its count off that level, in random order. */
    private long tradeWithItsDelta(Random random, long ts, long seq, int m) {
        boolean takerSellsYes = random.nextBoolean();
        long[] levels = takerSellsYes ? yes[m] : no[m];
        int best = best(levels);
        if (best == 0) {
            return seq;
        }
        long count = 1 + random.nextInt((int) Math.min(levels[best], 1_000));
        int max = levels.length;
        Trade trade = new Trade(ts, 0, m, takerSellsYes ? best : max - best, count,
                takerSellsYes ? BookSide.NO : BookSide.YES);
        BookDelta delta = new BookDelta(ts, 0, m, takerSellsYes ? BookSide.YES : BookSide.NO, best, -count);
        boolean tradeFirst = random.nextBoolean();
        MarketEvent first = tradeFirst ? trade : delta;
        MarketEvent second = tradeFirst ? delta : trade;
        for (MarketEvent e : List.of(first, second)) {
            long s = seq++;
            if (e instanceof Trade t) {
                events.add(new Trade(t.ts(), s, t.market(), t.yesPrice(), t.count(), t.takerSide()));
            } else if (e instanceof BookDelta d) {
                add(new BookDelta(d.ts(), s, d.market(), d.side(), d.price(), d.delta()));
            }
        }
        return seq;
    }

    private void add(BookDelta delta) {
        long[] levels = delta.side() == BookSide.YES ? yes[delta.market()] : no[delta.market()];
        levels[delta.price()] = Math.max(0, levels[delta.price()] + delta.delta());
        events.add(delta);
    }

    private static int best(long[] levels) {
        for (int p = levels.length - 1; p > 0; p--) {
            if (levels[p] > 0) {
                return p;
            }
        }
        return 0;
    }

    /** Prices cluster around the middle so orders and trades meet. */
    private static int near(Random random, int max) {
        int spread = Math.max(3, max / 20);
        return max / 2 - spread + random.nextInt(2 * spread + 1);
    }

    private BookSnapshot snapshot(Random random, long ts, long seq, int m) {
        int max = m == 0 ? 100 : 1000;
        yes[m] = new long[max];
        no[m] = new long[max];
        List<Level> yesLevels = new ArrayList<>();
        List<Level> noLevels = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Level y = new Level(near(random, max) - max / 20, 1 + random.nextInt(2_000));
            Level n = new Level(near(random, max) - max / 20, 1 + random.nextInt(2_000));
            yesLevels.add(y);
            noLevels.add(n);
            yes[m][y.price()] += y.quantity();
            no[m][n.price()] += n.quantity();
        }
        return new BookSnapshot(ts, seq, m, yesLevels, noLevels);
    }

    /**
     * Random quoting; checks levels and that no order fills beyond what rests as it goes. The order manager rests
     * exactly the quoted size after any quote (keep, decrease or a new order alike), so what rests is the last
     * quoted size less the fills since.
     */
    static final class QuotingStrategy implements Strategy, RunListener {
        private final Random random;
        private final long limit;
        final long[][] size = new long[2][2];
        private final int[][] lastPrice = new int[2][2];
        private final long[][] resting = new long[2][2];
        private final long[][] filledSinceQuote = new long[2][2];
        long worstOverfill;
        long negativeLevels;
        long partialRequotes;

        QuotingStrategy(long seed) {
            random = new Random(seed * 31 + 7);
            limit = random.nextInt(4) == 0 ? Long.MAX_VALUE : 200 + random.nextInt(2_000);
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
                BookView book = context.book(m);
                int max = book.maxTicks();
                for (int p = 1; p < max; p++) {
                    if (book.yesBidSize(p) < 0 || book.yesAskSize(p) < 0) {
                        negativeLevels++;
                    }
                }
                if (context.closed(m) || random.nextInt(3) != 0) {
                    continue;
                }
                int bid = price(m, 0, book.bestYesAsk(), +1, max);
                int ask = price(m, 1, book.bestYesBid(), -1, max);
                long bidSize = bid == 0 ? 0 : size(m, 0, bid);
                long askSize = ask == 0 ? 0 : size(m, 1, ask);
                if (bid != 0 && ask != 0 && bid >= ask) {
                    askSize = 0;
                    ask = 0;
                }
                boolean postOnly = random.nextInt(3) == 0;
                quoted(m, 0, bid, bidSize);
                quoted(m, 1, ask, askSize);
                context.fair(m, random.nextInt(100));
                context.quote(m, new Quote(bid, bidSize, ask, askSize, postOnly));
            }
        }

        /** Off, across the book (takes), the last price again, or near the middle. */
        private int price(int m, int side, int other, int direction, int max) {
            int r = random.nextInt(10);
            if (r < 2) {
                return 0;
            }
            if (r < 4 && other > 0) {
                int p = other + direction * random.nextInt(3);
                if (p > 0 && p < max) {
                    return p;
                }
            }
            if (r < 7 && lastPrice[m][side] != 0) {
                return lastPrice[m][side];
            }
            return near(random, max);
        }

        /** The usual size, what still rests, less than that, or more. */
        private long size(int m, int side, int price) {
            long rest = price == lastPrice[m][side] ? resting[m][side] : 0;
            return switch (random.nextInt(4)) {
                case 0 -> size[m][side];
                case 1 -> rest > 0 ? rest : size[m][side];
                case 2 -> rest > 1 ? rest / 2 : size[m][side];
                default -> size[m][side] + random.nextInt(500);
            };
        }

        private void quoted(int m, int side, int price, long quotedSize) {
            if (price != 0 && price == lastPrice[m][side] && filledSinceQuote[m][side] > 0 && resting[m][side] > 0) {
                partialRequotes++;
            }
            lastPrice[m][side] = price;
            resting[m][side] = price == 0 ? 0 : quotedSize;
            filledSinceQuote[m][side] = 0;
        }

        @Override
        public void onFill(Fill fill) {
            int side = fill.action() == Action.BUY ? 0 : 1;
            resting[fill.market()][side] -= fill.count();
            filledSinceQuote[fill.market()][side] += fill.count();
            worstOverfill = Math.max(worstOverfill, -resting[fill.market()][side]);
        }
    }
}
