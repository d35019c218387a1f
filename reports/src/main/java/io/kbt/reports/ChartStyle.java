package io.kbt.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The common look of kbt's charts (1600×1000, large fonts, legend below the plot) and PNG writing. */
final class ChartStyle {
    static final int WIDTH = 1600;
    static final int HEIGHT = 1000;
    static final String FONT = "DejaVu Sans";

    private ChartStyle() {}

    /** An XY chart over {@code axis} with kbt's styling. */
    static XYChart timeChart(int height, String title, String yTitle, TimeAxis axis) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(height).title(title)
                .xAxisTitle("New York time")
                .yAxisTitle(yTitle).build();
        XYStyler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderColor(Color.GRAY);
        styler.setPlotGridLinesColor(new Color(225, 225, 225));
        styler.setChartTitleFont(new Font(FONT, Font.BOLD, 26));
        styler.setAxisTitleFont(new Font(FONT, Font.PLAIN, 20));
        styler.setAxisTickLabelsFont(new Font(FONT, Font.PLAIN, 17));
        styler.setLegendFont(new Font(FONT, Font.PLAIN, 18));
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setChartTitleBoxVisible(false);
        styler.setAntiAlias(true);
        styler.setMarkerSize(12);
        styler.setYAxisTickMarkSpacingHint(70);
        styler.setXAxisMin(axis.min());
        styler.setXAxisMax(axis.max());
        styler.setTimezone(java.util.TimeZone.getTimeZone(TimeAxis.NEW_YORK));
        styler.setLocale(java.util.Locale.ROOT);
        styler.setDatePattern(axis.datePattern());
        styler.setXAxisTickMarkSpacingHint(axis.multiDay() ? 160 : 100);
        if (axis.multiDay()) {
            // Sessions side by side: label ticks with the real time, and mark where each day starts.
            chart.setXAxisTitle("New York time, trading sessions side by side (a line marks each new day)");
            chart.setCustomXAxisTickLabelsFormatter(axis::label);
            styler.setAnnotationLineColor(new Color(120, 120, 120));
            styler.setAnnotationLineStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {6f, 6f}, 0f));
            for (double separator : axis.separators()) {
                chart.addAnnotation(new AnnotationLine(separator, true, false));
            }
        }
        return chart;
    }

    /** A line (or step) series of {@code points}, or none when it has no value to draw. */
    static XYSeries line(XYChart chart, String name, TimeAxis axis, SeriesBuffer.Points points, double scale,
            Color color, float width, boolean step) {
        TimeAxis.Xy xy = axis.xy(points, scale);
        if (!xy.hasValue()) {
            return null;
        }
        XYSeries series = chart.addSeries(name, xy.xs(), xy.ys());
        series.setXYSeriesRenderStyle(step ? XYSeries.XYSeriesRenderStyle.Step : XYSeries.XYSeriesRenderStyle.Line);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(color);
        series.setLineWidth(width);
        return series;
    }

    /** A marker-only series of {@code points}, or none when empty. */
    static XYSeries markers(XYChart chart, String name, TimeAxis axis, SeriesBuffer.Points points, Color color,
            Marker marker) {
        TimeAxis.Xy xy = axis.xy(points, 1.0);
        if (!xy.hasValue()) {
            return null;
        }
        XYSeries series = chart.addSeries(name, xy.xs(), xy.ys());
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        series.setMarker(marker);
        series.setMarkerColor(color);
        return series;
    }

    /** A horizontal line across the whole axis at {@code y}. */
    static XYSeries level(XYChart chart, String name, TimeAxis axis, double y, Color color, int yAxisGroup) {
        XYSeries series = chart.addSeries(name, axis.ends(), List.of(y, y));
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(color);
        series.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {12f, 8f}, 0f));
        series.setYAxisGroup(yAxisGroup);
        return series;
    }

    /** A blank chart area saying why there is nothing to draw. */
    static void writeEmpty(Path file, String message) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(image);
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(FONT, Font.PLAIN, 28));
        int width = g.getFontMetrics().stringWidth(message);
        g.drawString(message, (WIDTH - width) / 2, HEIGHT / 2);
        g.dispose();
        write(file, image);
    }

    /** Renders {@code charts} stacked top to bottom into one 1600-wide PNG. */
    static void writePng(Path file, Chart<?, ?>... charts) {
        int height = 0;
        for (Chart<?, ?> chart : charts) {
            height += chart.getHeight();
        }
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(image);
        int y = 0;
        for (Chart<?, ?> chart : charts) {
            Graphics2D part = (Graphics2D) g.create(0, y, WIDTH, chart.getHeight());
            chart.paint(part, WIDTH, chart.getHeight());
            part.dispose();
            y += chart.getHeight();
        }
        g.dispose();
        write(file, image);
    }

    /** Draws kbt's font into a small image and encodes it as a PNG, discarding both (see {@link ChartPool#warmUp}). */
    static void warmUp() {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(image);
        g.setFont(new Font(FONT, Font.PLAIN, 17));
        g.setStroke(new BasicStroke(2f));
        g.drawString("P&L 0123", 2, 30);
        g.drawLine(0, 0, 63, 63);
        g.dispose();
        try {
            ImageIO.write(image, "png", OutputStream.nullOutputStream());
        } catch (IOException e) {
            // nothing is written; the real charts report their own failures
        }
    }

    static Graphics2D canvas(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        return g;
    }

    static void write(Path file, BufferedImage image) {
        try {
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IllegalStateException("no PNG writer for " + file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
