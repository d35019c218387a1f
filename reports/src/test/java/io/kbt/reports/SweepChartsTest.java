package io.kbt.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** What the charts of {@code sweep.html} plot, read from the XChart objects before they are rendered. */
class SweepChartsTest {
    private static final List<LocalDate> DAYS = List.of(LocalDate.of(2023, 4, 10), LocalDate.of(2023, 4, 11),
            LocalDate.of(2023, 4, 12));

    @Test
    void dailyPnlHasOneBarSeriesPerTopSetInDollarsPerDay() {
        List<SweepPage.SetLine> top = List.of(
                new SweepPage.SetLine(Map.of("spread", "2"), new long[] {1_500_000, -250_000, 0}, Map.of()),
                new SweepPage.SetLine(Map.of("spread", "4"), new long[] {-3_000_000, 10_000, 2_000_000}, Map.of()));

        CategoryChart chart = SweepCharts.dailyPnlChart(DAYS, top);

        assertThat(chart.getTitle()).isEqualTo("Daily P&L of the top sets by total P&L");
        assertThat(chart.getXAxisTitle()).isEqualTo("settlement day");
        assertThat(chart.getYAxisTitle()).isEqualTo("P&L ($)");
        assertThat(chart.getSeriesMap().keySet()).containsExactly("{spread=2}", "{spread=4}");
        assertThat(new ArrayList<Object>(chart.getSeriesMap().get("{spread=2}").getXData()))
                .containsExactly("2023-04-10", "2023-04-11", "2023-04-12");
        assertThat(chart.getSeriesMap().get("{spread=2}").getYData()).map(Number::doubleValue)
                .containsExactly(1.5, -0.25, 0.0);
        assertThat(chart.getSeriesMap().get("{spread=4}").getYData()).map(Number::doubleValue)
                .containsExactly(-3.0, 0.01, 2.0);
    }

    @Test
    void walkForwardChainsTheOutOfSampleDaysIntoACumulativeCurve() {
        XYChart chart = SweepCharts.outOfSampleChart(DAYS, new long[] {1_000_000, -2_500_000, 4_000_000});

        assertThat(chart.getTitle()).isEqualTo("Walk-forward: chained out-of-sample P&L");
        assertThat(chart.getXAxisTitle()).isEqualTo("test day");
        assertThat(chart.getYAxisTitle()).isEqualTo("P&L ($)");
        XYSeries series = chart.getSeriesMap().get("out of sample, cumulative");
        assertThat(series.getXData()).containsExactly(1, 2, 3);
        assertThat(series.getYData()).containsExactly(1.0, -1.5, 2.5);
    }

    @Test
    void pboHistogramCountsEverySplitsLogitInItsHalfUnitBin() {
        double[] logits = {-0.3, -0.2, 0.4, 1.7, -5.2};

        CategoryChart chart = SweepCharts.pboLogitsChart(logits, 0.6);

        assertThat(chart.getTitle()).isEqualTo("PBO logits λ over 5 splits: PBO = share of λ ≤ 0 = 0.600");
        assertThat(chart.getYAxisTitle()).isEqualTo("splits");
        var series = chart.getSeriesMap().get("splits");
        List<String> bins = series.getXData().stream().map(String::valueOf).toList();
        List<Integer> counts = series.getYData().stream().map(Number::intValue).toList();
        // bins of 0.5 from −6 (floor of −5.2) to 4: 20 bins labelled by their centres
        assertThat(bins).hasSize(20).startsWith("-5.8").endsWith("3.8");
        assertThat(counts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(logits.length);
        assertThat(counts.get(bins.indexOf("-0.3"))).isEqualTo(2);
        assertThat(counts.get(bins.indexOf("0.3"))).isEqualTo(1);
        assertThat(counts.get(bins.indexOf("1.8"))).isEqualTo(1);
        assertThat(counts.get(bins.indexOf("-5.3"))).isEqualTo(1);
    }
}
