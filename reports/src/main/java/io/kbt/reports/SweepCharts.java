package io.kbt.reports;

import java.awt.Color;
import java.awt.Font;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The charts of {@code sweep.html}: daily P&amp;L of the top sets (bars per day), the walk-forward's chained
 * out-of-sample equity curve, and the histogram of the PBO logits (left of 0: the in-sample winner was at or
 * below the median out of sample).
 */
final class SweepCharts {
    private static final int HEIGHT = 800;
    private static final double MICROS_PER_DOLLAR = 1_000_000.0;

    private SweepCharts() {}

    static void dailyPnl(Path file, List<LocalDate> days, List<SweepPage.SetLine> top) {
        ChartStyle.writePng(file, dailyPnlChart(days, top));
    }

    static CategoryChart dailyPnlChart(List<LocalDate> days, List<SweepPage.SetLine> top) {
        CategoryChart chart = category("Daily P&L of the top sets by total P&L", "settlement day", "P&L ($)");
        chart.getStyler().setOverlapped(false);
        List<String> labels = days.stream().map(LocalDate::toString).toList();
        for (SweepPage.SetLine set : top) {
            List<Double> dollars = new ArrayList<>();
            for (long micros : set.dailyMicros()) {
                dollars.add(micros / MICROS_PER_DOLLAR);
            }
            chart.addSeries(set.params().toString(), labels, dollars);
        }
        return chart;
    }

    static void outOfSample(Path file, List<LocalDate> days, long[] daily) {
        ChartStyle.writePng(file, outOfSampleChart(days, daily));
    }

    static XYChart outOfSampleChart(List<LocalDate> days, long[] daily) {
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(HEIGHT)
                .title("Walk-forward: chained out-of-sample P&L").xAxisTitle("test day").yAxisTitle("P&L ($)").build();
        style(chart.getStyler());
        chart.getStyler().setXAxisLabelRotation(45);
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        double cumulative = 0;
        for (int i = 0; i < daily.length; i++) {
            cumulative += daily[i] / MICROS_PER_DOLLAR;
            x.add((double) i + 1);
            y.add(cumulative);
        }
        chart.addSeries("out of sample, cumulative", x, y).setMarker(SeriesMarkers.CIRCLE).setLineColor(Color.BLUE);
        List<String> names = days.stream().map(LocalDate::toString).toList();
        chart.setCustomXAxisTickLabelsFormatter(v -> {
            int i = (int) Math.round(v) - 1;
            return i >= 0 && i < names.size() ? names.get(i) : "";
        });
        return chart;
    }

    static void pboLogits(Path file, double[] logits, double probability) {
        ChartStyle.writePng(file, pboLogitsChart(logits, probability));
    }

    static CategoryChart pboLogitsChart(double[] logits, double probability) {
        double lo = -4;
        double hi = 4;
        for (double l : logits) {
            lo = Math.min(lo, Math.floor(l));
            hi = Math.max(hi, Math.ceil(l));
        }
        int bins = (int) Math.round((hi - lo) * 2);
        double width = (hi - lo) / bins;
        List<String> labels = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            labels.add(String.format(java.util.Locale.ROOT, "%.1f", lo + (b + 0.5) * width));
            counts.add(0);
        }
        for (double l : logits) {
            int b = Math.min(bins - 1, (int) ((l - lo) / width));
            counts.set(b, counts.get(b) + 1);
        }
        CategoryChart chart = category(String.format(java.util.Locale.ROOT,
                "PBO logits λ over %d splits: PBO = share of λ ≤ 0 = %.3f", logits.length, probability),
                "logit λ of the in-sample winner's out-of-sample rank", "splits");
        chart.getStyler().setLegendVisible(false);
        chart.addSeries("splits", labels, counts).setFillColor(new Color(70, 110, 170));
        return chart;
    }

    private static CategoryChart category(String title, String xTitle, String yTitle) {
        CategoryChart chart = new CategoryChartBuilder().width(ChartStyle.WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        style(chart.getStyler());
        chart.getStyler().setXAxisLabelRotation(45);
        return chart;
    }

    private static void style(Styler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderColor(Color.GRAY);
        styler.setChartTitleFont(new Font(ChartStyle.FONT, Font.BOLD, 26));
        styler.setLegendFont(new Font(ChartStyle.FONT, Font.PLAIN, 18));
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setChartTitleBoxVisible(false);
        styler.setAntiAlias(true);
    }
}
