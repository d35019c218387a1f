package io.kbt.runner.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.engine.market.Instruments;
import io.kbt.engine.market.Market;
import io.kbt.engine.market.Result;
import io.kbt.engine.market.Selection;
import io.kbt.engine.market.StrikeType;
import io.kbt.engine.market.TickSize;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a range splits into shards: by the days each market trades, merging markets whose days overlap. */
class ShardPlanTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 1, 5);
    private static final Selection WEEK = new Selection(List.of(), List.of(), MONDAY, MONDAY.plusDays(6));

    @Test
    void dailyMarketsMakeOneShardPerSettlementDayTilingTheRange() {
        ShardPlan plan = ShardPlan.of(instruments(daily("A", 0), daily("B", 0), daily("C", 1), daily("D", 3)), WEEK,
                false);

        assertThat(plan.notices()).isEmpty();
        assertThat(plan.shards()).extracting(Shard::first, Shard::last, Shard::tickers).containsExactly(
                org.assertj.core.groups.Tuple.tuple(MONDAY, MONDAY, List.of("A", "B")),
                org.assertj.core.groups.Tuple.tuple(MONDAY.plusDays(1), MONDAY.plusDays(1), List.of("C")),
                // The last shard runs to the range's end, so the shards cover every day of it.
                org.assertj.core.groups.Tuple.tuple(MONDAY.plusDays(2), WEEK.to(), List.of("D")));
    }

    @Test
    void aWeeklyMarketMergesTheDailyOnesItOverlaps() {
        Market weekly = market("W", MONDAY, MONDAY.plusDays(4));
        ShardPlan plan = ShardPlan.of(instruments(daily("A", 0), weekly, daily("B", 2)), WEEK, false);

        assertThat(plan.shards()).singleElement().satisfies(s -> {
            assertThat(s.first()).isEqualTo(MONDAY);
            assertThat(s.last()).isEqualTo(WEEK.to());
        });
        assertThat(plan.notices()).singleElement().asString().contains("overlap").contains("unsharded");
    }

    @Test
    void marketsWithoutAnOpenTimeAreTakenToTradeOnTheirCloseDayWithANotice() {
        Market unknown = new Market(0, "U", "E", "S", StrikeType.BETWEEN, 1, 2, "SPX", Long.MIN_VALUE,
                micros(MONDAY.plusDays(1), LocalTime.of(16, 0)), Result.YES, TickSize.CENT);
        ShardPlan plan = ShardPlan.of(instruments(daily("A", 0), unknown), WEEK, false);

        assertThat(plan.shards()).hasSize(2);
        assertThat(plan.notices()).singleElement().asString().contains("1 market(s) have no open time");
    }

    @Test
    void crossMarketStateRunsTheWholeSelectionAsOneShard() {
        ShardPlan plan = ShardPlan.of(instruments(daily("A", 0), daily("B", 1)), WEEK, true);

        assertThat(plan.shards()).singleElement().satisfies(s -> assertThat(s.selection()).isEqualTo(WEEK));
        assertThat(plan.notices()).singleElement().asString().contains("state across markets");
    }

    private static Market daily(String ticker, int day) {
        return market(ticker, MONDAY.plusDays(day), MONDAY.plusDays(day));
    }

    private static Market market(String ticker, LocalDate open, LocalDate close) {
        return new Market(0, ticker, "E", "S", StrikeType.BETWEEN, 1, 2, "SPX", micros(open, LocalTime.of(9, 30)),
                micros(close, LocalTime.of(16, 0)), Result.YES, TickSize.CENT);
    }

    private static Instruments instruments(Market... markets) {
        List<Market> numbered = new ArrayList<>();
        for (Market m : markets) {
            numbered.add(ShardStream.renumbered(m, numbered.size()));
        }
        return new Instruments(numbered, List.of("SPX"));
    }

    private static long micros(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(Selection.NEW_YORK).toInstant().toEpochMilli() * 1_000;
    }
}
