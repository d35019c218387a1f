package io.kbt.reports;

import static io.kbt.reports.IndexHtml.escape;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code sweep.html}: the overfitting figures, a table of every set's statistics, the heatmaps, the daily P&amp;L of
 * the top sets, the walk-forward's out-of-sample equity curve and windows, and the PBO logit histogram; one static
 * page beside the PNGs it shows.
 */
public final class SweepHtml {
    private SweepHtml() {}

    /** Writes the page and its charts into {@code outDir} (heatmaps already there are linked); returns the files. */
    public static List<Path> write(Path outDir, SweepPage page, List<String> heatmaps) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        List<Path> written = new ArrayList<>();
        StringBuilder html = new StringBuilder(16384);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(page.title())).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;margin:2em;color:#222}")
                .append("table{border-collapse:collapse;margin:1em 0}")
                .append("th,td{border:1px solid #ccc;padding:.3em .7em;text-align:left}")
                .append("td.n{text-align:right;font-variant-numeric:tabular-nums}")
                .append("th{background:#f3f3f3}img{max-width:100%;border:1px solid #ddd;margin:.5em 0}")
                .append("\n</style>\n</head>\n<body>\n<h1>").append(escape(page.title())).append("</h1>\n");

        html.append("<h2>Overfitting</h2>\n<table>\n");
        page.overfitting().forEach((k, v) -> row(html, k, v));
        html.append("</table>\n");
        for (String note : page.notes()) {
            html.append("<p>").append(escape(note)).append("</p>\n");
        }

        html.append("<h2>Parameter sets</h2>\n<table>\n<tr>");
        List<String> keys = page.sets().isEmpty() ? List.of() : List.copyOf(page.sets().get(0).params().keySet());
        List<String> figures = page.sets().isEmpty() ? List.of()
                : List.copyOf(page.sets().get(0).statistics().keySet());
        keys.forEach(k -> html.append("<th>").append(escape(k)).append("</th>"));
        figures.forEach(f -> html.append("<th>").append(escape(f)).append("</th>"));
        html.append("</tr>\n");
        for (SweepPage.SetLine set : page.sets()) {
            html.append("<tr>");
            keys.forEach(k -> cell(html, set.params().get(k)));
            figures.forEach(f -> cell(html, set.statistics().get(f)));
            html.append("</tr>\n");
        }
        html.append("</table>\n");

        html.append("<h2>Heatmaps</h2>\n");
        heatmaps.forEach(h -> html.append(img(h, h, 1000)));

        if (!page.topSets().isEmpty() && !page.days().isEmpty()) {
            Path daily = outDir.resolve("daily-pnl.png");
            SweepCharts.dailyPnl(daily, page.days(), page.topSets().stream().map(page.sets()::get).toList());
            written.add(daily);
            html.append("<h2>Daily P&amp;L of the top sets</h2>\n").append(img("daily-pnl.png", "daily P&L", 800));
        }
        if (!page.walkForwardWindows().isEmpty()) {
            Path oos = outDir.resolve("walk-forward.png");
            SweepCharts.outOfSample(oos, page.outOfSampleDays(), page.outOfSampleMicros());
            written.add(oos);
            html.append("<h2>Walk-forward</h2>\n").append(img("walk-forward.png", "out-of-sample P&L", 800));
            html.append("<table>\n<tr>");
            List<String> columns = List.copyOf(page.walkForwardWindows().get(0).keySet());
            columns.forEach(c -> html.append("<th>").append(escape(c)).append("</th>"));
            html.append("</tr>\n");
            for (Map<String, Object> window : page.walkForwardWindows()) {
                html.append("<tr>");
                columns.forEach(c -> cell(html, window.get(c)));
                html.append("</tr>\n");
            }
            html.append("</table>\n");
        }
        if (page.pboLogits().length > 0) {
            Path pbo = outDir.resolve("pbo-logits.png");
            Object probability = page.overfitting().get("pbo");
            SweepCharts.pboLogits(pbo, page.pboLogits(),
                    probability instanceof Number n ? n.doubleValue() : Double.NaN);
            written.add(pbo);
            html.append("<h2>Probability of backtest overfitting</h2>\n").append(img("pbo-logits.png", "PBO logits", 800));
        }
        html.append("</body>\n</html>\n");
        Path file = outDir.resolve("sweep.html");
        try {
            Files.writeString(file, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        written.add(file);
        return written;
    }

    private static void row(StringBuilder html, String key, Object value) {
        html.append("<tr><th>").append(escape(key)).append("</th>");
        cell(html, value);
        html.append("</tr>\n");
    }

    private static void cell(StringBuilder html, Object value) {
        html.append(value instanceof Number ? "<td class=\"n\">" : "<td>")
                .append(value == null ? "" : escape(value.toString())).append("</td>");
    }

    private static String img(String src, String alt, int height) {
        return "<p><a href=\"" + escape(src) + "\"><img src=\"" + escape(src) + "\" alt=\"" + escape(alt)
                + "\" width=\"1600\" height=\"" + height + "\"></a></p>\n";
    }
}
