package io.kbt.reports;

import java.awt.Color;
import java.awt.Font;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.HeatMapStyler;
import org.knowm.xchart.style.Styler;

/** A heatmap of one sweep figure over two swept keys, the value printed in each cell. */
final class SweepHeatmap {
    /** The figure a heatmap shows. */
    enum Figure {
        PNL("P&L ($)", "$#,##0.00;-$#,##0.00"),
        FILLS("fills", "#,##0");

        final String label;
        final String pattern;

        Figure(String label, String pattern) {
            this.label = label;
            this.pattern = pattern;
        }

        double value(SweepRow row) {
            return switch (this) {
                case PNL -> Decimals.dollars(row.result().pnlMicros()).doubleValue();
                case FILLS -> row.result().fills();
            };
        }
    }

    private SweepHeatmap() {}

    static void write(Path file, SweepGrid grid, Figure figure, String title) {
        ChartStyle.writePng(file, chart(grid, figure, title));
    }

    /** The heatmap {@link #write} draws: one cell per run of the grid. */
    static HeatMapChart chart(SweepGrid grid, Figure figure, String title) {
        HeatMapChart chart = new HeatMapChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title(title).xAxisTitle(grid.xKey()).yAxisTitle(grid.yKey()).build();
        HeatMapStyler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setChartTitleBoxVisible(false);
        styler.setChartTitleFont(new Font(ChartStyle.FONT, Font.BOLD, 26));
        styler.setAxisTitleFont(new Font(ChartStyle.FONT, Font.PLAIN, 22));
        styler.setAxisTickLabelsFont(new Font(ChartStyle.FONT, Font.PLAIN, 18));
        styler.setLegendFont(new Font(ChartStyle.FONT, Font.PLAIN, 16));
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setShowValue(true);
        styler.setValueFont(new Font(ChartStyle.FONT, Font.BOLD, cellFont(grid)));
        styler.setValueFontColor(Color.BLACK);
        styler.setHeatMapValueDecimalPattern(figure.pattern);
        styler.setDecimalPattern(figure.pattern);
        styler.setDrawBorder(true);

        List<Number[]> cells = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int x = 0; x < grid.xValues().size(); x++) {
            for (int y = 0; y < grid.yValues().size(); y++) {
                SweepRow row = grid.cells()[x][y];
                if (row != null) {
                    double value = figure.value(row);
                    cells.add(new Number[] {x, y, value});
                    min = Math.min(min, value);
                    max = Math.max(max, value);
                }
            }
        }
        if (cells.isEmpty()) {
            min = 0;
            max = 1;
        }
        if (figure == Figure.PNL) {
            // Symmetric around zero so white means break-even, red a loss and green a gain.
            double extreme = Math.max(Math.max(Math.abs(min), Math.abs(max)), 0.01);
            styler.setMin(-extreme);
            styler.setMax(extreme);
            styler.setRangeColors(new Color[] {new Color(230, 80, 80), Color.WHITE, new Color(70, 180, 90)});
        } else {
            styler.setMin(Math.min(0, min));
            styler.setMax(max > min ? max : min + 1);
            styler.setRangeColors(new Color[] {Color.WHITE, new Color(90, 140, 220)});
        }
        chart.addSeries(figure.label, grid.xValues(), grid.yValues(), cells);
        return chart;
    }

    /** Cell labels shrink as the grid grows so "-$1,234.56" still fits a cell. */
    private static int cellFont(SweepGrid grid) {
        int columns = grid.xValues().size();
        return columns <= 6 ? 22 : columns <= 10 ? 18 : columns <= 16 ? 13 : 10;
    }
}
