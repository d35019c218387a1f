package io.kbt.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.engine.market.Market;
import io.kbt.engine.market.Result;
import io.kbt.engine.market.StrikeType;
import io.kbt.engine.market.TickSize;
import io.kbt.engine.run.Action;
import io.kbt.engine.run.Fill;
import io.kbt.engine.run.FillRule;
import io.kbt.engine.run.Liquidity;
import io.kbt.engine.run.PnlPoint;
import io.kbt.engine.run.Sample;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** What the run charts plot, read from the XChart objects before they are rendered. */
class ChartDataTest {
    private static final LocalDate DAY = LocalDate.of(2023, 4, 10);
    private static final long T0 = SyntheticRun.micros(DAY, LocalTime.of(10, 0));
    private static final long MINUTE = 60_000_000L;
    private static final Market CENT = market(0, "INXD-23APR10-B4075", 4050, 4099.99, TickSize.CENT);
    private static final Market TENTH = market(1, "INXD-23APR10-B4125", 4100, 4149.99, TickSize.TENTH_CENT);

    @Test
    void pnlChartPlotsMarkedRealizedAndFeesInDollarsAboveTheDrawdownFromThePeak() {
        PortfolioSeries portfolio = new PortfolioSeries(1000);
        long[] marked = {0, 2_500_000, 1_000_000, 3_000_000};
        long[] realized = {0, 500_000, 700_000, 2_000_000};
        long[] fees = {0, 10_000, 20_000, 30_000};
        for (int i = 0; i < marked.length; i++) {
            portfolio.add(new PnlPoint(T0 + i * MINUTE, marked[i], realized[i], fees[i]));
        }

        List<XYChart> panels = PnlChart.panels(portfolio, "P&L · cauchy · 2023-04-10");

        assertThat(panels).hasSize(2);
        XYChart top = panels.get(0);
        assertThat(top.getTitle()).isEqualTo("P&L · cauchy · 2023-04-10");
        assertThat(top.getYAxisTitle()).isEqualTo("P&L ($)");
        assertThat(top.getSeriesMap()).containsOnlyKeys("total P&L (marked to mid)", "realized P&L (after fees)",
                "cumulative fees");
        assertPoints(top, "total P&L (marked to mid)", times(4), 0, 2.5, 1, 3);
        assertPoints(top, "realized P&L (after fees)", times(4), 0, 0.5, 0.7, 2);
        assertPoints(top, "cumulative fees", times(4), 0, 0.01, 0.02, 0.03);
        XYChart bottom = panels.get(1);
        assertThat(bottom.getYAxisTitle()).isEqualTo("drawdown ($)");
        assertThat(bottom.getSeriesMap()).containsOnlyKeys("drawdown from peak P&L");
        assertPoints(bottom, "drawdown from peak P&L", times(4), 0, 0, -1.5, 0);
    }

    @Test
    void nothingRecordedGivesNoPnlPanelsAndNoPositionChart() {
        assertThat(PnlChart.panels(new PortfolioSeries(1000), "P&L")).isEmpty();
        assertThat(InventoryChart.chart(List.of(new MarketSeries(CENT, 1000)), "Position")).isNull();
    }

    @Test
    void inventoryChartPlotsEachMarketsPositionInContracts() {
        MarketSeries cent = new MarketSeries(CENT, 1000);
        MarketSeries tenth = new MarketSeries(TENTH, 1000);
        long[] positions = {0, 184, 184, -50};
        for (int i = 0; i < positions.length; i++) {
            cent.add(sample(T0 + i * MINUTE, 0, positions[i]));
            tenth.add(sample(T0 + i * MINUTE, 1, -positions[i] * 2));
        }

        XYChart chart = InventoryChart.chart(List.of(tenth, cent), "Position by market · 2023-04-10");

        assertThat(chart.getTitle()).isEqualTo("Position by market · 2023-04-10");
        assertThat(chart.getYAxisTitle()).isEqualTo("position (contracts, + yes / − no)");
        assertThat(chart.getXAxisTitle()).isEqualTo("New York time");
        assertThat(chart.getSeriesMap().keySet()).containsExactly(CENT.ticker(), TENTH.ticker());
        assertPoints(chart, CENT.ticker(), times(4), 0, 1.84, 1.84, -0.5);
        assertPoints(chart, TENTH.ticker(), times(4), 0, -3.68, -3.68, 1);
    }

    @Test
    void inventoryChartDrawsTheLargestPositionsAndSaysHowManyWereLeftOut() {
        List<MarketSeries> markets = new ArrayList<>();
        for (int m = 0; m <= InventoryChart.MAX_MARKETS; m++) {
            MarketSeries series = new MarketSeries(market(m, "INXD-23APR10-B" + (4000 + m), 4000, 4049.99,
                    TickSize.CENT), 1000);
            series.add(sample(T0, m, 100L * (m + 1)));
            markets.add(series);
        }

        XYChart chart = InventoryChart.chart(markets, "Position");

        assertThat(chart.getTitle()).isEqualTo("Position (largest 12 of 13 markets)");
        assertThat(chart.getSeriesMap()).hasSize(12).doesNotContainKey("INXD-23APR10-B4000");
    }

    @Test
    void marketChartPlotsBookQuotesFairFillsIndexAndStrikesWithTheBookSourceInTheTitle() {
        MarketSeries series = new MarketSeries(CENT, 1000);
        SeriesBuffer index = new SeriesBuffer(1000);
        for (int i = 0; i < 3; i++) {
            long ts = T0 + i * MINUTE;
            series.add(new Sample(ts, 0, 45 + i, 48, 46.5 + i, 44, 49, 0, 0));
            index.add(ts, 4080 + i);
        }
        index.add(T0 + 10 * MINUTE, 4090); // after the market's last point: left out
        series.add(new Fill(T0 + MINUTE, 0, Action.BUY, 44, 184, 0, Liquidity.MAKER, 184, 1, FillRule.QUEUE));
        series.add(new Fill(T0 + 2 * MINUTE, 0, Action.SELL, 49, 84, 0, Liquidity.MAKER, 100, 2, FillRule.QUEUE));

        XYChart chart = MarketChart.chart(series, index, "SPX", "2023-04-10", "candles");

        assertThat(chart.getTitle()).isEqualTo("INXD-23APR10-B4075 · 2023-04-10 · 2 fills · book: candles");
        assertThat(chart.getYAxisTitle()).isEqualTo("yes price (cents)");
        assertThat(chart.getYAxisGroupTitle(1)).isEqualTo("SPX (index level)");
        assertThat(chart.getSeriesMap().keySet()).containsExactly("best yes bid (data)", "best yes ask (data)",
                "our bid", "our ask", "fair value", "our buys", "our sells", "SPX", "floor strike 4,050",
                "cap strike 4,099.99");
        assertPoints(chart, "best yes bid (data)", times(3), 45, 46, 47);
        assertPoints(chart, "best yes ask (data)", times(3), 48, 48, 48);
        assertPoints(chart, "our bid", times(3), 44, 44, 44);
        assertPoints(chart, "our ask", times(3), 49, 49, 49);
        assertPoints(chart, "fair value", times(3), 46.5, 47.5, 48.5);
        assertPoints(chart, "our buys", new double[] {millis(T0 + MINUTE)}, 44);
        assertPoints(chart, "our sells", new double[] {millis(T0 + 2 * MINUTE)}, 49);
        assertPoints(chart, "SPX", times(3), 4080, 4081, 4082);
        assertThat(chart.getSeriesMap().get("SPX").getYAxisGroup()).isEqualTo(1);
        assertThat(chart.getSeriesMap().get("floor strike 4,050").getYData()).containsExactly(4050, 4050);
        assertThat(chart.getSeriesMap().get("cap strike 4,099.99").getYData()).containsExactly(4099.99, 4099.99);
        assertThat(chart.getSeriesMap().get("cap strike 4,099.99").getYAxisGroup()).isEqualTo(1);
    }

    @Test
    void marketChartShowsTenthCentPricesInCents() {
        MarketSeries series = new MarketSeries(TENTH, 1000);
        series.add(new Sample(T0, 1, 653, 671, Double.NaN, 0, 0, 0, 0));
        series.add(new Fill(T0, 1, Action.SELL, 653, 100, 0, Liquidity.TAKER, -100, 1, FillRule.TAKE));

        XYChart chart = MarketChart.chart(series, null, null, "2023-04-10", "recorded");

        assertThat(chart.getTitle()).endsWith(" · 1 fill · book: recorded");
        assertPoints(chart, "best yes bid (data)", times(1), 65.3);
        assertPoints(chart, "best yes ask (data)", times(1), 67.1);
        assertPoints(chart, "our sells", times(1), 65.3);
        // no quotes and no fair value: not drawn
        assertThat(chart.getSeriesMap()).doesNotContainKeys("our bid", "our ask", "fair value", "our buys");
        assertThat(chart.getYAxisGroupTitle(1)).isEqualTo("SPX (index level)");
    }

    private static void assertPoints(XYChart chart, String name, double[] xs, double... ys) {
        XYSeries series = chart.getSeriesMap().get(name);
        assertThat(series).as("series %s", name).isNotNull();
        assertThat(series.getXData()).as("x of %s", name).containsExactly(xs);
        assertThat(series.getYData()).as("y of %s", name).usingComparatorWithPrecision(1e-9).containsExactly(ys);
    }

    /** The x values of {@code n} points a minute apart from {@link #T0}: epoch milliseconds on a one-day axis. */
    private static double[] times(int n) {
        return IntStream.range(0, n).mapToDouble(i -> millis(T0 + i * MINUTE)).toArray();
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }

    private static Sample sample(long ts, int market, long position) {
        return new Sample(ts, market, 45, 47, 46, 44, 48, position, 0);
    }

    private static Market market(int id, String ticker, double floor, double cap, TickSize tick) {
        return new Market(id, ticker, "INXD-23APR10", "INXD", StrikeType.BETWEEN, floor, cap, "SPX", T0,
                T0 + 3_600_000_000L, Result.NO, tick);
    }
}
