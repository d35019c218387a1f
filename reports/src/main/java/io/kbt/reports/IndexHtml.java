package io.kbt.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code index.html}: the summary as tables, then every chart, in one static page that needs no server. */
final class IndexHtml {
    private IndexHtml() {}

    static void write(Path file, Map<String, Object> summary, Map<String, String> marketCharts) {
        StringBuilder html = new StringBuilder(8192);
        String title = "kbt backtest · " + summary.get("strategy") + " · " + summary.get("from")
                + (summary.get("from").equals(summary.get("to")) ? "" : " – " + summary.get("to"));
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title)).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;margin:2em;color:#222}")
                .append("table{border-collapse:collapse;margin:1em 0}")
                .append("th,td{border:1px solid #ccc;padding:.3em .7em;text-align:left}")
                .append("td.n{text-align:right;font-variant-numeric:tabular-nums}")
                .append("th{background:#f3f3f3}img{max-width:100%;border:1px solid #ddd;margin:.5em 0}")
                .append("\n</style>\n</head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n");

        if (summary.get("warnings") instanceof List<?> warnings && !warnings.isEmpty()) {
            html.append("<h2>Warnings</h2>\n<ul>\n");
            for (Object warning : warnings) {
                html.append("<li>").append(escape(String.valueOf(warning))).append("</li>\n");
            }
            html.append("</ul>\n");
        }

        html.append("<h2>Summary</h2>\n<table>\n");
        for (var entry : summary.entrySet()) {
            if (entry.getValue() instanceof Map<?, ?> map) {
                for (var inner : map.entrySet()) {
                    Object value = inner.getValue() instanceof List<?> list
                            ? String.join(", ", list.stream().map(String::valueOf).toList())
                            : inner.getValue();
                    row(html, entry.getKey() + "." + inner.getKey(), value);
                }
            } else if (!(entry.getValue() instanceof List<?>)) {
                row(html, entry.getKey(), entry.getValue());
            }
        }
        html.append("</table>\n");

        if (summary.get("markets") instanceof List<?> markets && !markets.isEmpty()) {
            html.append("<h2>Markets</h2>\n<table>\n<tr>");
            Map<?, ?> firstRow = (Map<?, ?>) markets.get(0);
            for (Object key : firstRow.keySet()) {
                html.append("<th>").append(escape(String.valueOf(key))).append("</th>");
            }
            html.append("</tr>\n");
            for (Object market : markets) {
                html.append("<tr>");
                for (Object value : ((Map<?, ?>) market).values()) {
                    cell(html, value);
                }
                html.append("</tr>\n");
            }
            html.append("</table>\n");
        }

        String book = " · book: " + summary.getOrDefault("book_source", "recorded");
        html.append("<h2>P&amp;L").append(escape(book)).append("</h2>\n").append(img("pnl.png", "P&L" + book));
        if (summary.get("days") instanceof List<?> days && days.size() > 1) {
            html.append("<h2>Days").append(escape(book)).append("</h2>\n")
                    .append(img("daily-pnl.png", "P&L per day" + book)).append("<table>\n<tr>");
            for (Object key : ((Map<?, ?>) days.get(0)).keySet()) {
                html.append("<th>").append(escape(String.valueOf(key))).append("</th>");
            }
            html.append("</tr>\n");
            for (Object day : days) {
                html.append("<tr>");
                for (Object value : ((Map<?, ?>) day).values()) {
                    cell(html, value);
                }
                html.append("</tr>\n");
            }
            html.append("</table>\n");
        }
        html.append("<h2>Inventory").append(escape(book)).append("</h2>\n")
                .append(img("inventory.png", "position by market" + book));
        if (!marketCharts.isEmpty()) {
            html.append("<h2>Fills by market</h2>\n");
            for (var chart : marketCharts.entrySet()) {
                String marketBook = " · book: " + bookSource(summary, chart.getKey());
                html.append("<h3>").append(escape(chart.getKey() + marketBook)).append("</h3>\n")
                        .append(img(chart.getValue(), "fills of " + chart.getKey() + marketBook));
            }
        }
        html.append("<p>Data: <a href=\"summary.json\">summary.json</a> · <a href=\"fills.csv\">fills.csv</a> · "
                + "<a href=\"timeseries.csv\">timeseries.csv</a></p>\n</body>\n</html>\n");
        try {
            Files.writeString(file, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static Object bookSource(Map<String, Object> summary, String ticker) {
        if (summary.get("markets") instanceof List<?> markets) {
            for (Object m : markets) {
                if (m instanceof Map<?, ?> row && ticker.equals(row.get("ticker")) && row.get("book_source") != null) {
                    return row.get("book_source");
                }
            }
        }
        return "recorded";
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

    private static String img(String src, String alt) {
        return "<p><a href=\"" + escape(src) + "\"><img src=\"" + escape(src) + "\" alt=\"" + escape(alt)
                + "\" width=\"1600\" height=\"1000\"></a></p>\n";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
