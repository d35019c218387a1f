package io.kbt.reports;

import io.kbt.engine.run.Fill;
import io.kbt.engine.run.PnlPoint;
import java.awt.Color;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * A backtest's figures per New York day, exactly (not from the downsampled chart series): the day's P&amp;L (marked
 * P&amp;L at the day's last change minus the previous day's), the running total, fills, contracts and fees; and
 * {@code daily-pnl.png}, one bar per day.
 */
final class DailyPnl {
    private static final class Day {
        long lastMarked;
        long fills;
        long contracts;
        long fees;
    }

    private final TreeMap<LocalDate, Day> days = new TreeMap<>();

    void add(PnlPoint point) {
        day(point.ts()).lastMarked = point.markedMicros();
    }

    void add(Fill fill) {
        Day day = day(fill.ts());
        day.fills++;
        day.contracts += fill.count();
        day.fees += fill.feeMicros();
    }

    int size() {
        return days.size();
    }

    /** One JSON-ready row per day: day, pnl_cents, cumulative_pnl_cents, fills, contracts, fees_cents. */
    List<Map<String, Object>> rows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        long previous = 0;
        for (var entry : days.entrySet()) {
            Day day = entry.getValue();
            if (day.lastMarked == Long.MIN_VALUE) {
                day.lastMarked = previous;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("day", entry.getKey().toString());
            row.put("pnl_cents", Decimals.cents(day.lastMarked - previous));
            row.put("cumulative_pnl_cents", Decimals.cents(day.lastMarked));
            row.put("fills", day.fills);
            row.put("contracts", Decimals.contracts(day.contracts));
            row.put("fees_cents", Decimals.cents(day.fees));
            rows.add(row);
            previous = day.lastMarked;
        }
        return rows;
    }

    void chart(Path file, String title) {
        ChartStyle.writePng(file, categoryChart(title));
    }

    /** The chart {@link #chart} draws: a gain and a loss bar series, one category per day. */
    CategoryChart categoryChart(String title) {
        List<String> labels = new ArrayList<>();
        List<Double> gains = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        for (Map<String, Object> row : rows()) {
            labels.add((String) row.get("day"));
            double dollars = ((java.math.BigDecimal) row.get("pnl_cents")).doubleValue() / 100;
            gains.add(dollars >= 0 ? dollars : 0);
            losses.add(dollars < 0 ? dollars : 0);
        }
        CategoryChart chart = new CategoryChartBuilder().width(ChartStyle.WIDTH).height(700).title(title)
                .xAxisTitle("New York day").yAxisTitle("P&L ($)").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setChartTitleBoxVisible(false);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setXAxisLabelRotation(45);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.addSeries("gain", labels, gains).setFillColor(new Color(40, 150, 70));
        chart.addSeries("loss", labels, losses).setFillColor(new Color(200, 50, 50));
        return chart;
    }

    private Day day(long ts) {
        return days.computeIfAbsent(TimeAxis.dateOf(ts), d -> {
            Day day = new Day();
            day.lastMarked = Long.MIN_VALUE;
            return day;
        });
    }
}
