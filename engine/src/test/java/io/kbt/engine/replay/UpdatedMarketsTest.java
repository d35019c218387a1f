package io.kbt.engine.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.engine.event.BookDelta;
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
import io.kbt.engine.run.RunListener;
import io.kbt.engine.strategy.Quote;
import io.kbt.engine.strategy.Strategy;
import io.kbt.engine.strategy.StrategyContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@link StrategyContext#updated} lists: the markets whose data changed since the last callback. */
class UpdatedMarketsTest {
    private static final long CLOSE_0 = 100;
    private static final long CLOSE_1 = 200;

    private static Market market(int id, long close) {
        return new Market(id, "INXD-23APR10-B40" + id, "INXD-23APR10", "INXD", StrikeType.BETWEEN, 4000, 4049.99,
                "SPX", 0, close, Result.NO, TickSize.CENT);
    }

    private static final Instruments INSTRUMENTS =
            new Instruments(List.of(market(0, CLOSE_0), market(1, CLOSE_1)), List.of("SPX"));

    private static List<MarketEvent> day() {
        List<Level> yes = List.of(new Level(40, 1_000));
        List<Level> no = List.of(new Level(55, 1_000));
        return List.of(
                new BookSnapshot(1, 0, 1, yes, no),
                new BookSnapshot(1, 1, 0, yes, no),
                new IndexTick(2, 2, 0, 4010),
                new BookDelta(3, 3, 1, BookSide.YES, 39, 500),
                new Trade(4, 4, 0, 40, 2_000, BookSide.NO),
                new Trade(4, 5, 1, 45, 100, BookSide.YES),
                new IndexTick(5, 6, 0, 4011));
    }

    /** Records the updated list per callback and joins market 0's bid at 2 so that the trade at 4 fills us. */
    private static class Watcher implements Strategy {
        final Map<Long, List<List<Integer>>> seen = new LinkedHashMap<>();

        @Override
        public void onBatch(StrategyContext context) {
            List<Integer> updated = new ArrayList<>();
            for (int i = 0; i < context.updatedCount(); i++) {
                updated.add(context.updated(i));
            }
            seen.computeIfAbsent(context.now(), t -> new ArrayList<>()).add(updated);
            if (context.now() == 2) {
                context.quote(0, new Quote(40, 100, 0, 0, false));
            }
        }
    }

    @Test
    void eachBatchListsTheMarketsWhoseBookTradesFillsOrCloseChangedInOrderOfChange() {
        Watcher watcher = new Watcher();
        Replay.run(INSTRUMENTS, new ListEventSource(day()), watcher, ReplayConfig.defaults(), RunListener.NONE);

        assertThat(watcher.seen).containsExactly(
                Map.entry(1L, List.of(List.of(1, 0))),
                Map.entry(2L, List.of(List.of())),
                Map.entry(3L, List.of(List.of(1))),
                Map.entry(4L, List.of(List.of(0, 1))),
                Map.entry(5L, List.of(List.of())),
                Map.entry(CLOSE_0, List.of(List.of(0))),
                Map.entry(CLOSE_1, List.of(List.of(1))));
    }

    @Test
    void perEventCallbacksListOnlyThatEventsMarket() {
        Watcher watcher = new Watcher();
        Replay.run(INSTRUMENTS, new ListEventSource(day()), watcher, ReplayConfig.defaults().withReactPerEvent(true),
                RunListener.NONE);

        assertThat(watcher.seen.get(1L)).containsExactly(List.of(1), List.of(0));
        assertThat(watcher.seen.get(4L)).containsExactly(List.of(0), List.of(1));
    }

    @Test
    void aLongBatchListsEachMarketOnce() {
        List<MarketEvent> events = new ArrayList<>(day());
        for (int i = 0; i < 500; i++) {
            events.add(new BookDelta(6, 100 + i, i % 2, BookSide.NO, 50, 100));
        }
        Watcher watcher = new Watcher();
        Replay.run(INSTRUMENTS, new ListEventSource(events), watcher, ReplayConfig.defaults(), RunListener.NONE);

        assertThat(watcher.seen.get(6L)).containsExactly(List.of(0, 1));
    }

    @Test
    void aTakerFillDuringTheCallbackIsListedInTheNextOne() {
        Watcher watcher = new Watcher() {
            @Override
            public void onBatch(StrategyContext context) {
                super.onBatch(context);
                if (context.now() == 2) {
                    // instead of joining the bid: market 0's yes ask is 45 (no bid 55), bidding 45 takes it now
                    context.quote(0, new Quote(45, 100, 0, 0, false));
                }
            }
        };
        var result = Replay.run(INSTRUMENTS, new ListEventSource(day()), watcher, ReplayConfig.defaults(),
                RunListener.NONE);

        assertThat(result.fills()).isEqualTo(1);
        assertThat(watcher.seen.get(3L)).containsExactly(List.of(0, 1));
    }
}
