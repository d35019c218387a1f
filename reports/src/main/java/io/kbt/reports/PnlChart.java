package io.kbt.reports;

import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * {@code pnl.png}: total P&amp;L marked to mid, realized P&amp;L and cumulative fees in dollars, with the drawdown from
 * the running peak in a lower panel on the same time axis.
 */
final class PnlChart {
    private static final int TOP_HEIGHT = 690;
    private static final Color MARKED = new Color(31, 90, 180);
    private static final Color REALIZED = new Color(30, 140, 60);
    private static final Color FEES = new Color(200, 90, 20);
    private static final Color DRAWDOWN = new Color(200, 40, 40);

    private PnlChart() {}

    static void write(Path file, PortfolioSeries series, String title) {
        List<XYChart> panels = panels(series, title);
        if (panels.isEmpty()) {
            ChartStyle.writeEmpty(file, title + ": no P&L recorded");
        } else {
            ChartStyle.writePng(file, panels.toArray(XYChart[]::new));
        }
    }

    /** The P&amp;L panel above the drawdown panel, or none when no P&amp;L was recorded. */
    static List<XYChart> panels(PortfolioSeries series, String title) {
        SeriesBuffer.Points marked = series.marked.points();
        SeriesBuffer.Points realized = series.realized.points();
        SeriesBuffer.Points fees = series.fees.points();
        SeriesBuffer.Points drawdown = series.drawdown.points();
        TimeAxis axis = TimeAxis.covering(List.of(marked, realized, fees));
        if (axis.isEmpty()) {
            return List.of();
        }
        XYChart top = ChartStyle.timeChart(TOP_HEIGHT, title, "P&L ($)", axis);
        ChartStyle.line(top, "total P&L (marked to mid)", axis, marked, 1, MARKED, 2.5f, false);
        ChartStyle.line(top, "realized P&L (after fees)", axis, realized, 1, REALIZED, 2f, false);
        ChartStyle.line(top, "cumulative fees", axis, fees, 1, FEES, 2f, false);
        top.getStyler().setXAxisTitleVisible(false);

        XYChart bottom = ChartStyle.timeChart(ChartStyle.HEIGHT - TOP_HEIGHT, "", "drawdown ($)", axis);
        XYSeries area = ChartStyle.line(bottom, "drawdown from peak P&L", axis, drawdown, 1, DRAWDOWN, 1.5f, false);
        if (area != null) {
            area.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
            area.setFillColor(new Color(220, 60, 60, 120));
        }
        bottom.getStyler().setChartTitleVisible(false);

        top.getStyler().setYAxisDecimalPattern("#,##0.00");
        bottom.getStyler().setYAxisDecimalPattern("#,##0.00");
        return List.of(top, bottom);
    }
}
