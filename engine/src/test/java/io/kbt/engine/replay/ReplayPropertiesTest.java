package io.kbt.engine.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.engine.event.BookSide;
import io.kbt.engine.event.IndexTick;
import io.kbt.engine.event.ListEventSource;
import io.kbt.engine.event.MarketEvent;
import io.kbt.engine.exchange.QueueModels;
import io.kbt.engine.fees.FeeSchedules;
import io.kbt.engine.market.Result;
import io.kbt.engine.run.Action;
import io.kbt.engine.run.Fill;
import io.kbt.engine.run.FillRule;
import io.kbt.engine.run.Liquidity;
import io.kbt.engine.run.RunListener;
import io.kbt.engine.run.RunResult;
import io.kbt.engine.run.Settlement;
import io.kbt.engine.run.SettlementSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the replay on random event streams with random quoting. */
class ReplayPropertiesTest {
    private record Run(RunResult result, Recording recording, RandomDay.QuotingStrategy strategy) {}

    private static Run run(RandomDay day, String queue, boolean perEvent, boolean tape) {
        return run(day, day.events, queue, perEvent, tape);
    }

    private static Run run(RandomDay day, List<MarketEvent> events, String queue, boolean perEvent, boolean tape) {
        Recording recording = new Recording();
        RandomDay.QuotingStrategy strategy = new RandomDay.QuotingStrategy(day.seed);
        RunListener both = new RunListener() {
            @Override
            public void onFill(Fill fill) {
                recording.onFill(fill);
                strategy.onFill(fill);
            }

            @Override
            public void onSample(io.kbt.engine.run.Sample sample) {
                recording.onSample(sample);
            }

            @Override
            public void onPnl(io.kbt.engine.run.PnlPoint point) {
                recording.onPnl(point);
            }

            @Override
            public void onSettlement(Settlement settlement) {
                recording.onSettlement(settlement);
            }

            @Override
            public void onIndex(io.kbt.engine.event.IndexTick tick) {
                recording.onIndex(tick);
            }
        };
        ReplayConfig config = new ReplayConfig(QueueModels.byName(queue), FeeSchedules.byName("standard-maker"),
                perEvent);
        return new Run(Replay.run(day.instruments, source(events, tape), strategy, config, both), recording, strategy);
    }

    @Property(tries = 40)
    void accountingAndBookInvariantsHold(
            @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 2) int queueChoice,
            @ForAll boolean perEvent) {
        String queue = List.of("risk-averse", "prob", "optimistic").get(queueChoice);
        RandomDay day = new RandomDay(seed, 3_000);
        Run run = run(day, queue, perEvent, false);
        RunResult result = run.result();
        List<Fill> fills = run.recording().fills;

        Statistics.label("fills").collect(fills.isEmpty() ? "none" : "some");
        Statistics.label("fills").coverage(c -> c.check("some").percentage(p -> p > 80));
        boolean crossed = fills.stream().anyMatch(f -> f.rule() == FillRule.CROSSED_BY_DATA);
        Statistics.label("crossed by data").collect(crossed ? "some" : "none");
        Statistics.label("crossed by data").coverage(c -> c.check("some").percentage(p -> p > 50));
        // The paths the engine's defects hid on: take then rest, cancels at a level we took from, partial fills
        // followed by re-quotes at the same price, and takes the position limit cut short.
        boolean takeThenRest = fills.stream().anyMatch(f -> f.rule() == FillRule.TAKE && fills.stream().anyMatch(
                g -> g.market() == f.market() && g.ts() > f.ts() && g.liquidity() == Liquidity.MAKER
                        && g.action() == f.action()));
        Statistics.label("take then rest").collect(takeThenRest ? "some" : "none");
        Statistics.label("take then rest").coverage(c -> c.check("some").percentage(p -> p > 50));
        Statistics.label("cancel at a taken level").collect(cancelAtATakenLevel(day, fills) ? "some" : "none");
        Statistics.label("cancel at a taken level").coverage(c -> c.check("some").percentage(p -> p > 50));
        Statistics.label("re-quote after a partial fill").collect(run.strategy().partialRequotes > 0 ? "some" : "none");
        Statistics.label("re-quote after a partial fill").coverage(c -> c.check("some").percentage(p -> p > 50));
        long limit = run.strategy().positionLimit();
        boolean cappedTake = fills.stream().anyMatch(f -> f.rule() == FillRule.TAKE
                && Math.abs(f.positionAfter()) == limit);
        Statistics.label("take cut by the position limit").collect(cappedTake ? "some" : "none");
        Statistics.label("take cut by the position limit").coverage(c -> c.check("some").percentage(p -> p > 15));
        assertThat(run.strategy().negativeLevels).as("negative book levels").isZero();
        assertThat(run.strategy().worstOverfill).as("fill beyond an order's size").isLessThanOrEqualTo(0);

        long[] position = new long[2];
        long yesCash = 0;
        long fees = 0;
        for (Fill fill : fills) {
            long signed = fill.action() == Action.BUY ? fill.count() : -fill.count();
            position[fill.market()] += signed;
            assertThat(fill.positionAfter()).isEqualTo(position[fill.market()]);
            assertThat(fill.count()).isPositive();
            // Only our own marketable placement takes; anything that reaches a resting order of ours is maker.
            assertThat(fill.liquidity()).isEqualTo(fill.rule() == FillRule.TAKE ? Liquidity.TAKER : Liquidity.MAKER);
            if (run.strategy().positionLimit() != Long.MAX_VALUE) {
                assertThat(Math.abs(fill.positionAfter())).isLessThanOrEqualTo(run.strategy().positionLimit());
            }
            long tick = day.instruments.market(fill.market()).tickSize().micros();
            yesCash -= signed * fill.price() * tick / 100;
            fees += fill.feeMicros();
        }
        // In yes terms a settled position pays $1 per contract on YES, nothing on NO: the same P&L as Kalshi's
        // real cash flows (no costs 1 − p, pays $1 on NO), which the portfolio books.
        long settlement = 0;
        for (Settlement s : run.recording().settlements) {
            assertThat(s.source()).isEqualTo(SettlementSource.RECORDED);
            assertThat(s.position()).isEqualTo(position[s.market()]);
            settlement += s.result() == Result.YES ? s.position() * 10_000 : 0;
            position[s.market()] = 0;
        }
        assertThat(run.recording().settlements).hasSize(2);
        assertThat(result.fills()).isEqualTo(fills.size());
        assertThat(result.feesMicros()).isEqualTo(fees);
        assertThat(result.pnlMicros()).isEqualTo(yesCash + settlement - fees);
        for (Settlement s : run.recording().settlements) {
            assertThat(result.markets().get(s.market()).finalPosition()).as("held into settlement").isEqualTo(s.position());
        }
        assertThat(result.markets().stream().mapToLong(m -> m.pnlMicros()).sum()).isEqualTo(result.pnlMicros());
        assertThat(result.maxDrawdownMicros()).isNotNegative();
    }

    @Property(tries = 12)
    void identicalInputGivesIdenticalOutputFromListsAndFromTapes(
            @ForAll long seed, @ForAll @IntRange(min = 0, max = 2) int queueChoice) {
        String queue = List.of("risk-averse", "prob:n=2", "optimistic").get(queueChoice);
        RandomDay day = new RandomDay(seed, 2_000);
        Run first = run(day, queue, false, false);
        Run second = run(day, queue, false, false);
        Run taped = run(day, queue, false, true);
        assertThat(second.recording().all).isEqualTo(first.recording().all);
        assertThat(taped.recording().all).isEqualTo(first.recording().all);
        assertThat(withoutTiming(second.result())).isEqualTo(withoutTiming(first.result()));
        assertThat(withoutTiming(taped.result())).isEqualTo(withoutTiming(first.result()));
    }

    /**
     * A strategy that re-quotes a market when its best prices, our position or its closing changed, and only
     * then, sometimes at the other side's price so that it takes. Such a strategy loses nothing by looking only
     * at {@link io.kbt.engine.strategy.StrategyContext#updated} markets instead of all of them.
     */
    private static final class RequoteOnChange implements io.kbt.engine.strategy.Strategy {
        private final boolean onlyUpdated;
        private final int[] lastBid = new int[2];
        private final int[] lastAsk = new int[2];
        private final long[] lastPosition = new long[2];
        private final boolean[] lastClosed = new boolean[2];

        RequoteOnChange(boolean onlyUpdated) {
            this.onlyUpdated = onlyUpdated;
        }

        @Override
        public void onBatch(io.kbt.engine.strategy.StrategyContext context) {
            boolean[] look = {!onlyUpdated, !onlyUpdated};
            for (int i = 0; onlyUpdated && i < context.updatedCount(); i++) {
                look[context.updated(i)] = true;
            }
            // in id order either way, so that both emit their samples in the same order
            for (int m = 0; m < 2; m++) {
                if (look[m]) {
                    requote(context, m);
                }
            }
        }

        private void requote(io.kbt.engine.strategy.StrategyContext context, int m) {
            var book = context.book(m);
            int bid = book.bestYesBid();
            int ask = book.bestYesAsk();
            long position = context.position(m);
            boolean closed = context.closed(m);
            if (bid == lastBid[m] && ask == lastAsk[m] && position == lastPosition[m] && closed == lastClosed[m]) {
                return;
            }
            lastBid[m] = bid;
            lastAsk[m] = ask;
            lastPosition[m] = position;
            lastClosed[m] = closed;
            if (closed || bid == 0 || ask == 0) {
                context.quote(m, io.kbt.engine.strategy.Quote.NONE);
                return;
            }
            int ourBid = Math.min(ask, bid + 1);
            int ourAsk = Math.max(bid, ask - 1);
            long size = 100 + Math.floorMod(position, 300);
            context.quote(m, ourBid < ourAsk
                    ? new io.kbt.engine.strategy.Quote(ourBid, size, ourAsk, size, false)
                    : new io.kbt.engine.strategy.Quote(ourBid, size, 0, 0, false));
        }

        @Override
        public long positionLimit() {
            return 2_000;
        }
    }

    @Property(tries = 30)
    void aStrategyLookingOnlyAtUpdatedMarketsActsAsIfItScannedThemAll(
            @ForAll long seed, @ForAll boolean perEvent, @ForAll boolean tape) {
        RandomDay day = new RandomDay(seed, 2_000);
        ReplayConfig config = riskAverse(perEvent);
        Recording all = new Recording();
        Recording updated = new Recording();
        RunResult scanning = Replay.run(day.instruments, source(day, tape), new RequoteOnChange(false), config, all);
        RunResult listing = Replay.run(day.instruments, source(day, tape), new RequoteOnChange(true), config,
                updated);

        Statistics.label("taker fills").collect(
                all.fills.stream().anyMatch(f -> f.liquidity() == Liquidity.TAKER) ? "some" : "none");
        Statistics.label("taker fills").coverage(c -> c.check("some").percentage(p -> p > 50));
        assertThat(all.fills).isNotEmpty();
        assertThat(updated.all).isEqualTo(all.all);
        assertThat(withoutTiming(listing)).isEqualTo(withoutTiming(scanning));
    }

    private static ReplayConfig riskAverse(boolean perEvent) {
        return new ReplayConfig(QueueModels.byName("risk-averse"), FeeSchedules.byName("standard"), perEvent);
    }

    /** A listener that wants no samples gets none, and everything else exactly as one that takes them. */
    @Property(tries = 20)
    void aListenerWantingNoSamplesGetsTheSameRunWithoutThem(
            @ForAll long seed, @ForAll boolean perEvent, @ForAll boolean tape) {
        RandomDay day = new RandomDay(seed, 2_000);
        ReplayConfig config = riskAverse(perEvent);
        Recording sampled = new Recording();
        Recording figures = new Recording(false);
        RunResult withSamples = Replay.run(day.instruments, source(day, tape), new RequoteOnChange(true), config,
                sampled);
        RunResult without = Replay.run(day.instruments, source(day, tape), new RequoteOnChange(true), config,
                figures);

        assertThat(sampled.samples).isNotEmpty();
        assertThat(figures.samples).isEmpty();
        assertThat(figures.all).isEqualTo(sampled.all.stream()
                .filter(e -> !(e instanceof io.kbt.engine.run.Sample)).toList());
        assertThat(withoutTiming(without)).isEqualTo(withoutTiming(withSamples));
    }

    private static io.kbt.engine.event.EventSource source(RandomDay day, boolean tape) {
        return source(day.events, tape);
    }

    private static io.kbt.engine.event.EventSource source(List<MarketEvent> events, boolean tape) {
        return tape ? EventTape.record(new ListEventSource(events)).source() : new ListEventSource(events);
    }

    /** Whether some level we took from was later decreased by the data before the market's next snapshot. */
    private static boolean cancelAtATakenLevel(RandomDay day, List<Fill> fills) {
        for (Fill f : fills) {
            if (f.rule() != FillRule.TAKE) {
                continue;
            }
            int max = day.instruments.market(f.market()).tickSize().maxTicks();
            BookSide side = f.action() == Action.BUY ? BookSide.NO : BookSide.YES;
            int level = f.action() == Action.BUY ? max - f.price() : f.price();
            for (MarketEvent e : day.events) {
                if (e.ts() <= f.ts()) {
                    continue;
                }
                if (e instanceof io.kbt.engine.event.BookSnapshot snapshot && snapshot.market() == f.market()) {
                    break;
                }
                if (e instanceof io.kbt.engine.event.BookDelta d && d.market() == f.market() && d.side() == side
                        && d.price() == level && d.delta() < 0) {
                    return true;
                }
            }
        }
        return false;
    }

    @Property(tries = 30)
    void permutingTradesAndDeltasWithinABatchNeverChangesFillsPositionOrPnl(
            @ForAll long seed, @ForAll @IntRange(min = 0, max = 2) int queueChoice) {
        String queue = List.of("risk-averse", "prob", "optimistic").get(queueChoice);
        RandomDay day = new RandomDay(seed, 2_000);
        List<MarketEvent> permuted = interleaveChannels(day.events, new Random(seed * 17 + 3));
        Statistics.label("reordered").collect(permuted.equals(day.events) ? "no" : "yes");
        Statistics.label("reordered").coverage(c -> c.check("yes").percentage(p -> p > 90));
        Run stored = run(day, day.events, queue, false, false);
        Run shuffled = run(day, permuted, queue, false, false);
        Statistics.label("fills").collect(stored.recording().fills.isEmpty() ? "none" : "some");
        assertThat(withoutCause(shuffled.recording().fills)).isEqualTo(withoutCause(stored.recording().fills));
        assertThat(shuffled.recording().samples).isEqualTo(stored.recording().samples);
        assertThat(shuffled.recording().pnl).isEqualTo(stored.recording().pnl);
        assertThat(shuffled.recording().settlements).isEqualTo(stored.recording().settlements);
        assertThat(withoutTiming(shuffled.result())).isEqualTo(withoutTiming(stored.result()));
    }

    /**
     * The same history as the websocket could deliver it: within each timestamp, book events (snapshots and deltas),
     * trades and index ticks arrive on different channels, each in its own order, interleaved at random.
     */
    private static List<MarketEvent> interleaveChannels(List<MarketEvent> events, Random random) {
        List<MarketEvent> out = new ArrayList<>(events.size());
        int i = 0;
        while (i < events.size()) {
            long ts = events.get(i).ts();
            List<List<MarketEvent>> channels = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (; i < events.size() && events.get(i).ts() == ts; i++) {
                MarketEvent e = events.get(i);
                channels.get(e instanceof io.kbt.engine.event.Trade ? 1 : e instanceof IndexTick ? 2 : 0).add(e);
            }
            int[] next = new int[3];
            int left = channels.stream().mapToInt(List::size).sum();
            for (; left > 0; left--) {
                int c;
                do {
                    c = random.nextInt(3);
                } while (next[c] == channels.get(c).size());
                out.add(channels.get(c).get(next[c]++));
            }
        }
        return out;
    }

    private static List<List<Object>> withoutCause(List<Fill> fills) {
        return fills.stream().map(f -> List.<Object>of(f.ts(), f.market(), f.action(), f.price(), f.count(),
                f.feeMicros(), f.liquidity(), f.positionAfter(), f.rule())).toList();
    }

    private static RunResult withoutTiming(RunResult r) {
        return new RunResult(r.markets(), r.events(), r.fills(), r.contracts(), r.volumeMicros(), r.feesMicros(),
                r.pnlMicros(), r.maxDrawdownMicros(), r.maxAbsPosition(), r.peakCapitalMicros(), r.ordersSent(),
                r.cancelsSent(), r.anomalies(), 0);
    }
}
