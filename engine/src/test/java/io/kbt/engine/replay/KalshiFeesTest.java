package io.kbt.engine.replay;

import static io.kbt.engine.replay.Scenario.bid;
import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.engine.event.BookSide;
import io.kbt.engine.fees.FeeSchedules;
import io.kbt.engine.fees.KalshiFeeSchedule;
import io.kbt.engine.fees.KalshiFeeSchedule.Change;
import io.kbt.engine.fees.KalshiFeeSchedule.FeeType;
import io.kbt.engine.run.Fill;
import io.kbt.engine.run.Liquidity;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --fees kalshi}: the fee type and multiplier in force for the series at each fill's time. */
class KalshiFeesTest {
    /** INXD charges takers only (x0.5) until t = 500, then makers too (x0.5): 0.0175 x 0.5 = 0.00875. */
    static final KalshiFeeSchedule SCHEDULE = new KalshiFeeSchedule(List.of(
            new Change("INXD", 0, FeeType.QUADRATIC, new BigDecimal("0.5")),
            new Change("INXD", 500, FeeType.QUADRATIC_WITH_MAKER_FEES, new BigDecimal("0.5")),
            new Change("KXBTC", 100, FeeType.QUADRATIC_WITH_MAKER_FEES, BigDecimal.ONE)),
            FeeSchedules.byName("taker=0.07,maker=0.03"));

    @Test
    void aFeeChangeInTheMiddleOfTheRunAppliesFromItsTimestamp() {
        Recording recording = new Recording();
        new Scenario().queue("optimistic").fees(SCHEDULE)
                .snapshot(1, new double[] {50, 5}, new double[] {45, 5})
                .quote(1, bid(50, 1000))
                .trade(499, 50, 100, BookSide.NO)
                .trade(500, 50, 100, BookSide.NO)
                .trade(501, 50, 100, BookSide.NO)
                .run(recording);
        List<Fill> fills = recording.fills;
        assertThat(fills).hasSize(3).allMatch(f -> f.liquidity() == Liquidity.MAKER);
        // 100 contracts at 50c: 0.00875 x 100 x 0.25 = $0.21875 -> $0.22
        assertThat(fills).extracting(Fill::feeMicros).containsExactly(0L, 220_000L, 220_000L);
    }

    @Test
    void aSeriesWithoutHistoryOrAFillBeforeItsFirstChangePaysTheFallback() {
        var inxd = Scenario.market(io.kbt.engine.market.Result.NO);
        var other = new io.kbt.engine.market.Market(1, "KXBTC-1", "KXBTC", "KXBTC",
                io.kbt.engine.market.StrikeType.BETWEEN, 0, 1, null, 0, 10, io.kbt.engine.market.Result.NO,
                io.kbt.engine.market.TickSize.CENT);
        var unknown = new io.kbt.engine.market.Market(2, "FED-1", "FED", "FED",
                io.kbt.engine.market.StrikeType.BETWEEN, 0, 1, null, 0, 10, io.kbt.engine.market.Result.NO,
                io.kbt.engine.market.TickSize.CENT);
        // fallback maker 0.03 x 100 x 0.25 = $0.75
        assertThat(SCHEDULE.feeMicros(unknown, Liquidity.MAKER, 50, 10_000, 1_000)).isEqualTo(750_000L);
        assertThat(SCHEDULE.feeMicros(other, Liquidity.MAKER, 50, 10_000, 99)).isEqualTo(750_000L);
        // from 100 on: 0.0175 x 100 x 0.25 = $0.4375 -> $0.44; takers 0.07 x 0.25 x 100 = $1.75
        assertThat(SCHEDULE.feeMicros(other, Liquidity.MAKER, 50, 10_000, 100)).isEqualTo(440_000L);
        assertThat(SCHEDULE.feeMicros(other, Liquidity.TAKER, 50, 10_000, 100)).isEqualTo(1_750_000L);
        // INXD takers at 0.035 from 0 on: 0.035 x 100 x 0.25 = $0.875 -> $0.88
        assertThat(SCHEDULE.feeMicros(inxd, Liquidity.TAKER, 50, 10_000, 0)).isEqualTo(880_000L);
        assertThat(SCHEDULE.describe()).contains("INXD: quadratic_with_maker_fees x0.5 from 1970-01-01T00:00:00.000500Z");
    }

    @Test
    void fractionQueueGivesUsThatShareOfEachTradeAtOurPrice() {
        Recording recording = new Recording();
        new Scenario().queue("fraction:f=0.25")
                .snapshot(1, new double[] {50, 500}, new double[] {45, 5})
                .quote(1, bid(50, 1000))
                .trade(2, 50, 10, BookSide.NO)
                .trade(3, 50, 0.07, BookSide.NO)
                .run(recording);
        // 25% of 10 = 2.5; 25% of 0.07 = 0.0175 -> 0.01 (rounded down to a hundredth)
        assertThat(recording.fills).extracting(Fill::count).containsExactly(250L, 1L);
    }
}
