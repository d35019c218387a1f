package io.kbt.engine.replay;

import static io.kbt.engine.replay.Scenario.bid;
import static io.kbt.engine.replay.Scenario.c;
import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.engine.event.BookSide;
import io.kbt.engine.event.IndexTick;
import io.kbt.engine.market.Result;
import io.kbt.engine.run.Action;
import io.kbt.engine.run.Fill;
import io.kbt.engine.run.FillRule;
import io.kbt.engine.run.Liquidity;
import io.kbt.engine.run.PnlPoint;
import io.kbt.engine.run.Sample;
import io.kbt.engine.run.Settlement;
import io.kbt.engine.run.SettlementSource;
import io.kbt.engine.strategy.Quote;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Everything a short replay emits, in order, compared as one list (parity style). */
class ParityTest {
    @Test
    void aQuoteAFillAMoveAndASettlementEmitExactlyThis() {
        Recording recording = new Recording();
        new Scenario().fees("taker=0.035,maker=0.0175").result(Result.YES)
                .snapshot(1, new double[] {50, 5}, new double[] {45, 5})
                .quote(1, bid(51, 2))
                .index(2, 4080)
                .trade(3, 50, 1, BookSide.NO)
                .delta(4, BookSide.YES, 52, 3)
                .at(4, ctx -> ctx.fair(0, 53.5))
                .quote(5, Quote.NONE)
                .index(5, 4081)
                .run(recording);
        double nan = Double.NaN;
        // Maker fee 0.0175 × 1 × 0.51 × 0.49 = $0.0044 → 1¢. Mid 52.5 then 53.5; settles YES at $1.
        assertThat(recording.all).containsExactly(
                new Sample(1, 0, 50, 55, nan, 0, 0, 0, 0),
                new Sample(1, 0, 50, 55, nan, 51, 0, 0, 0),
                new IndexTick(2, 1, 0, 4080),
                new Fill(3, 0, Action.BUY, 51, c(1), 10_000, Liquidity.MAKER, c(1), 2, FillRule.TRADE_THROUGH),
                new Sample(3, 0, 50, 55, nan, 51, 0, c(1), 525_000 - 510_000 - 10_000),
                new PnlPoint(3, 5_000, -10_000, 10_000),
                new Sample(4, 0, 52, 55, nan, 51, 0, c(1), 535_000 - 510_000 - 10_000),
                new PnlPoint(4, 15_000, -10_000, 10_000),
                new Sample(4, 0, 52, 55, 53.5, 51, 0, c(1), 15_000),
                new IndexTick(5, 4, 0, 4081),
                new Sample(5, 0, 52, 55, 53.5, 0, 0, c(1), 15_000),
                new Settlement(Scenario.CLOSE, 0, Result.YES, c(1), 1_000_000, SettlementSource.RECORDED),
                new Sample(Scenario.CLOSE, 0, 52, 55, 53.5, 0, 0, 0, 1_000_000 - 510_000 - 10_000),
                new PnlPoint(Scenario.CLOSE, 480_000, 480_000, 10_000));
    }

    @Test
    void strategyReactsOncePerTimestampOrOncePerEvent() {
        List<Long> perBatch = new java.util.ArrayList<>();
        List<Long> perEvent = new java.util.ArrayList<>();
        Scenario scenario = new Scenario()
                .snapshot(1, new double[] {50, 5}, new double[] {45, 5})
                .delta(1, BookSide.YES, 50, 1)
                .delta(2, BookSide.YES, 50, 1);
        var instruments = scenario.instruments();
        io.kbt.engine.strategy.Strategy batch = ctx -> perBatch.add(ctx.now());
        io.kbt.engine.strategy.Strategy each = ctx -> perEvent.add(ctx.now());
        Replay.run(instruments, new io.kbt.engine.event.ListEventSource(scenario.events()), batch,
                ReplayConfig.defaults(), io.kbt.engine.run.RunListener.NONE);
        Replay.run(instruments, new io.kbt.engine.event.ListEventSource(scenario.events()), each,
                ReplayConfig.defaults().withReactPerEvent(true), io.kbt.engine.run.RunListener.NONE);
        // Batches at 1 and 2, then the close at its own time.
        assertThat(perBatch).containsExactly(1L, 2L, Scenario.CLOSE);
        assertThat(perEvent).containsExactly(1L, 1L, 2L, Scenario.CLOSE);
    }
}
