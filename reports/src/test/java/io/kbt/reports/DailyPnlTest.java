package io.kbt.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.engine.run.Action;
import io.kbt.engine.run.Fill;
import io.kbt.engine.run.FillRule;
import io.kbt.engine.run.Liquidity;
import io.kbt.engine.run.PnlPoint;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;

/** The per-day table: each New York day's P&L is its last marked P&L less the previous day's. */
class DailyPnlTest {
    private static final LocalDate MONDAY = LocalDate.of(2023, 4, 10);

    @Test
    void dayPnlIsTheChangeOfMarkedPnlOverTheDayAndFillsCountOnTheirDay() {
        DailyPnl daily = new DailyPnl();
        daily.add(new PnlPoint(SyntheticRun.micros(MONDAY, LocalTime.of(10, 0)), 1_000_000, 0, 0));
        daily.add(new PnlPoint(SyntheticRun.micros(MONDAY, LocalTime.of(15, 0)), 2_500_000, 0, 0));
        daily.add(fill(SyntheticRun.micros(MONDAY, LocalTime.of(11, 0)), 300, 7_000));
        daily.add(new PnlPoint(SyntheticRun.micros(MONDAY.plusDays(1), LocalTime.of(10, 0)), -500_000, 0, 0));
        daily.add(fill(SyntheticRun.micros(MONDAY.plusDays(1), LocalTime.of(10, 0)), 100, 1_000));
        daily.add(fill(SyntheticRun.micros(MONDAY.plusDays(1), LocalTime.of(12, 0)), 250, 2_000));

        var rows = daily.rows();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("day", "2023-04-10").containsEntry("fills", 1L);
        assertThat((BigDecimal) rows.get(0).get("pnl_cents")).isEqualByComparingTo("250");
        assertThat((BigDecimal) rows.get(0).get("fees_cents")).isEqualByComparingTo("0.7");
        assertThat((BigDecimal) rows.get(1).get("pnl_cents")).isEqualByComparingTo("-300");
        assertThat((BigDecimal) rows.get(1).get("cumulative_pnl_cents")).isEqualByComparingTo("-50");
        assertThat((BigDecimal) rows.get(1).get("contracts")).isEqualByComparingTo("3.5");
        assertThat(rows.get(1)).containsEntry("fills", 2L);

        CategoryChart chart = daily.categoryChart("P&L per day");
        assertThat(chart.getTitle()).isEqualTo("P&L per day");
        assertThat(chart.getXAxisTitle()).isEqualTo("New York day");
        assertThat(chart.getYAxisTitle()).isEqualTo("P&L ($)");
        assertThat(new ArrayList<Object>(chart.getSeriesMap().get("gain").getXData())).containsExactly("2023-04-10", "2023-04-11");
        assertThat(chart.getSeriesMap().get("gain").getYData()).map(Number::doubleValue).containsExactly(2.5, 0.0);
        assertThat(chart.getSeriesMap().get("loss").getYData()).map(Number::doubleValue).containsExactly(0.0, -3.0);
    }

    private static Fill fill(long ts, long count, long fee) {
        return new Fill(ts, 0, Action.BUY, 50, count, fee, Liquidity.MAKER, count, 1, FillRule.QUEUE);
    }
}
