package io.kbt.reports;

import io.kbt.engine.market.Market;
import java.awt.Color;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * {@code fills-<TICKER>.png}: one market's best yes bid and ask from the data, our quotes, the strategy's fair value
 * and our buys and sells (cents, left axis), with the underlying index and the market's strikes on the right axis.
 */
final class MarketChart {
    private static final Color BEST_BID = new Color(120, 190, 120);
    private static final Color BEST_ASK = new Color(235, 140, 140);
    private static final Color OUR_BID = new Color(0, 100, 0);
    private static final Color OUR_ASK = new Color(160, 0, 0);
    private static final Color FAIR = new Color(40, 80, 220);
    private static final Color INDEX = new Color(120, 120, 120);
    private static final Color STRIKE = new Color(90, 90, 90);

    private MarketChart() {}

    /**
     * Draws {@code series}; {@code index} is the market's underlying (null when the run has none) and
     * {@code symbol} its name; the title says where the book came from ({@code bookSource}).
     */
    static void write(Path file, MarketSeries series, SeriesBuffer index, String symbol, String dates,
            String bookSource) {
        ChartStyle.writePng(file, chart(series, index, symbol, dates, bookSource));
    }

    /** The chart {@link #write} draws. */
    static XYChart chart(MarketSeries series, SeriesBuffer index, String symbol, String dates, String bookSource) {
        Market market = series.market;
        SeriesBuffer.Points bestBid = series.bestBid.points();
        SeriesBuffer.Points bestAsk = series.bestAsk.points();
        SeriesBuffer.Points ourBid = series.ourBid.points();
        SeriesBuffer.Points ourAsk = series.ourAsk.points();
        SeriesBuffer.Points fair = series.fair.points();
        SeriesBuffer.Points buys = series.buys.points();
        SeriesBuffer.Points sells = series.sells.points();
        List<SeriesBuffer.Points> all = List.of(bestBid, bestAsk, ourBid, ourAsk, fair, buys, sells);
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (SeriesBuffer.Points points : all) {
            if (points.size() > 0) {
                first = Math.min(first, points.ts()[0]);
                last = Math.max(last, points.ts()[points.size() - 1]);
            }
        }
        SeriesBuffer.Points underlying = index == null ? null : within(index.points(), first, last);
        TimeAxis axis = TimeAxis.covering(all);

        String title = market.ticker() + " · " + (axis.isEmpty() ? dates : axis.dates()) + " · " + series.fills + (series.fills == 1 ? " fill" : " fills")
                + " · book: " + bookSource;
        XYChart chart = ChartStyle.timeChart(ChartStyle.HEIGHT, title, "yes price (cents)", axis);
        if (axis.isEmpty()) {
            return chart;
        }
        ChartStyle.line(chart, "best yes bid (data)", axis, bestBid, 1, BEST_BID, 2f, true);
        ChartStyle.line(chart, "best yes ask (data)", axis, bestAsk, 1, BEST_ASK, 2f, true);
        ChartStyle.line(chart, "our bid", axis, ourBid, 1, OUR_BID, 2.5f, true);
        ChartStyle.line(chart, "our ask", axis, ourAsk, 1, OUR_ASK, 2.5f, true);
        ChartStyle.line(chart, "fair value", axis, fair, 1, FAIR, 2f, false);
        ChartStyle.markers(chart, "our buys", axis, buys, new Color(0, 150, 0), SeriesMarkers.TRIANGLE_UP);
        ChartStyle.markers(chart, "our sells", axis, sells, new Color(210, 0, 0), SeriesMarkers.TRIANGLE_DOWN);
        chart.getStyler().setYAxisDecimalPattern("#0.#");

        boolean rightAxis = false;
        if (underlying != null && underlying.size() > 0) {
            XYSeries line = ChartStyle.line(chart, symbol, axis, underlying, 1, INDEX, 1.5f, false);
            if (line != null) {
                line.setYAxisGroup(1);
                rightAxis = true;
            }
        }
        if (!Double.isNaN(market.floorStrike())) {
            ChartStyle.level(chart, "floor strike " + strike(market.floorStrike()), axis, market.floorStrike(),
                    STRIKE, 1);
            rightAxis = true;
        }
        if (!Double.isNaN(market.capStrike())) {
            ChartStyle.level(chart, "cap strike " + strike(market.capStrike()), axis, market.capStrike(),
                    new Color(40, 40, 40), 1);
            rightAxis = true;
        }
        if (rightAxis) {
            chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
            chart.setYAxisGroupTitle(1, (symbol == null ? market.underlying() : symbol) + " (index level)");
            chart.getStyler().putYAxisGroupDecimalPatternMap(1, "#,##0");
        }
        return chart;
    }

    private static String strike(double level) {
        return level == Math.rint(level) ? String.format(java.util.Locale.ROOT, "%,.0f", level) : String.format(java.util.Locale.ROOT, "%,.2f", level);
    }

    private static SeriesBuffer.Points within(SeriesBuffer.Points points, long first, long last) {
        int from = 0;
        while (from < points.size() && points.ts()[from] < first) {
            from++;
        }
        int to = from;
        while (to < points.size() && points.ts()[to] <= last) {
            to++;
        }
        return new SeriesBuffer.Points(Arrays.copyOfRange(points.ts(), from, to),
                Arrays.copyOfRange(points.values(), from, to));
    }
}
