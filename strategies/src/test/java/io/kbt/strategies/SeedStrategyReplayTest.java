package io.kbt.strategies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kbt.engine.event.BookSide;
import io.kbt.engine.event.BookSnapshot;
import io.kbt.engine.event.IndexTick;
import io.kbt.engine.event.Level;
import io.kbt.engine.event.ListEventSource;
import io.kbt.engine.event.MarketEvent;
import io.kbt.engine.event.Trade;
import io.kbt.engine.market.Instruments;
import io.kbt.engine.market.Market;
import io.kbt.engine.market.Result;
import io.kbt.engine.market.StrikeType;
import io.kbt.engine.market.TickSize;
import io.kbt.engine.replay.Replay;
import io.kbt.engine.replay.ReplayConfig;
import io.kbt.engine.run.Action;
import io.kbt.engine.run.Fill;
import io.kbt.engine.run.Liquidity;
import io.kbt.engine.run.RunListener;
import io.kbt.engine.run.RunResult;
import io.kbt.engine.run.Sample;
import io.kbt.engine.run.Settlement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The seed strategy through the engine's replay loop on a hand-made hour: it buys on its guarded bid, the index
 * jumps above the band, it sells on its lifted ask, and the rest settles at 0.
 */
class SeedStrategyReplayTest {
    private static final long SECOND = 1_000_000;
    private static final long CLOSE = 1_681_156_800L * SECOND; // 2023-04-10 20:00 UTC
    private static final long T0 = CLOSE - 3600 * SECOND;

    @Test
    void buysOnTheGuardedBidSellsOnTheLiftedAskAndSettlesTheRest() {
        Instruments instruments = new Instruments(List.of(new Market(0, "INXD-23APR10-B4075", "INXD-23APR10", "INXD",
                StrikeType.BETWEEN, 4050, 4099.99, "SPX", Long.MIN_VALUE, CLOSE, Result.NO, TickSize.CENT)),
                List.of("SPX"));
        List<MarketEvent> events = List.of(
                new IndexTick(T0, 1, 0, 4080),
                // yes bid 60, no bid 20 (yes ask 80), 10 contracts each
                new BookSnapshot(T0, 2, 0, List.of(new Level(60, 1_000)), List.of(new Level(20, 1_000))),
                // fair 92.67¢ → 93: bid 92 pulled under the 80 ask to 79, ask 94; a taker sells 5 yes at 79
                new Trade(T0 + SECOND, 3, 0, 79, 500, BookSide.NO),
                // the index leaves the band: fair ≈ 7¢, bid 6, ask 8 lifted over the 60 bid to 61
                new IndexTick(T0 + 2 * SECOND, 4, 0, 4110),
                // a taker buys 3 yes at 61 from us
                new Trade(T0 + 3 * SECOND, 5, 0, 61, 300, BookSide.YES));
        List<Fill> fills = new ArrayList<>();
        List<Settlement> settlements = new ArrayList<>();
        List<Sample> samples = new ArrayList<>();
        RunListener listener = new RunListener() {
            @Override
            public void onFill(Fill fill) {
                fills.add(fill);
            }

            @Override
            public void onSettlement(Settlement settlement) {
                settlements.add(settlement);
            }

            @Override
            public void onSample(Sample sample) {
                samples.add(sample);
            }
        };
        StrategySpec seed = StrategyCatalog.builtIn().spec("cauchy", Map.of("preset", "seed"));

        RunResult result = Replay.run(instruments, new ListEventSource(events), seed.newStrategy(instruments),
                ReplayConfig.defaults(), listener);

        assertThat(fills).extracting(Fill::action, Fill::price, Fill::count, Fill::liquidity, Fill::positionAfter)
                .containsExactly(
                        tuple(Action.BUY, 79, 500L, Liquidity.MAKER, 500L),
                        tuple(Action.SELL, 61, 300L, Liquidity.MAKER, 200L));
        assertThat(settlements).singleElement().satisfies(s -> {
            assertThat(s.result()).isEqualTo(Result.NO);
            assertThat(s.position()).isEqualTo(200);
            assertThat(s.payoutMicros()).isZero();
        });
        // makers pay no fee on the standard schedule: −5 × 79¢ + 3 × 61¢ = −212¢
        assertThat(result.feesMicros()).isZero();
        assertThat(result.pnlMicros()).isEqualTo(-2_120_000);
        assertThat(samples).anySatisfy(s -> {
            assertThat(s.ourBid()).isEqualTo(79);
            assertThat(s.ourAsk()).isEqualTo(94);
            assertThat(s.fairCents()).isBetween(92.6, 92.7);
        });
    }
}
