package io.kbt.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The output directory of a sweep: {@code sweep.csv} (a column per swept key, then the summary figures under their
 * {@code summary.json} names), {@code sweep.json}, and heatmaps of P&amp;L and fills over the first two swept keys
 * ({@code heatmap-pnl.png}, {@code heatmap-fills.png}); further swept keys give one pair of heatmaps per
 * combination of their values ({@code heatmap-pnl-<key>=<value>.png}).
 */
public final class SweepReport {
    private SweepReport() {}

    /** Writes every sweep output into {@code outDir} (created if needed) and returns the files written. */
    public static List<Path> write(Path outDir, List<String> sweptKeys, List<SweepRow> rows) {
        return write(outDir, sweptKeys, rows, Map.of());
    }

    /** As {@link #write(Path, List, List)}, with {@code extra} entries (e.g. statistics) added to sweep.json. */
    public static List<Path> write(Path outDir, List<String> sweptKeys, List<SweepRow> rows, Map<String, Object> extra) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output directory " + outDir, e);
        }
        for (SweepRow row : rows) {
            for (String key : sweptKeys) {
                if (!row.params().containsKey(key)) {
                    throw new IllegalArgumentException("sweep row " + row.params() + " has no value for " + key);
                }
            }
        }
        List<Path> written = new ArrayList<>();
        written.add(writeCsv(outDir.resolve("sweep.csv"), sweptKeys, rows));
        written.add(writeJson(outDir.resolve("sweep.json"), sweptKeys, rows, extra));
        written.addAll(heatmaps(outDir, sweptKeys, rows));
        return written;
    }

    private static Path writeCsv(Path file, List<String> sweptKeys, List<SweepRow> rows) {
        List<String> figureNames = rows.isEmpty() ? List.of()
                : new ArrayList<>(SummaryJson.figures(rows.get(0).result()).keySet());
        List<String> header = new ArrayList<>(sweptKeys);
        header.addAll(figureNames);
        try (CsvRows csv = new CsvRows(file, header.toArray(String[]::new))) {
            for (SweepRow row : rows) {
                List<Object> fields = new ArrayList<>();
                sweptKeys.forEach(k -> fields.add(row.params().get(k)));
                fields.addAll(SummaryJson.figures(row.result()).values());
                csv.write(fields.toArray());
            }
        }
        return file;
    }

    private static Path writeJson(Path file, List<String> sweptKeys, List<SweepRow> rows, Map<String, Object> extra) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("swept_keys", sweptKeys);
        List<Map<String, Object>> runs = new ArrayList<>();
        for (SweepRow row : rows) {
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("params", row.params());
            run.putAll(SummaryJson.figures(row.result()));
            run.put("markets", SummaryJson.markets(row.result().markets()));
            runs.add(run);
        }
        document.put("runs", runs);
        document.putAll(extra);
        SummaryJson.write(file, document);
        return file;
    }

    private static List<Path> heatmaps(Path outDir, List<String> sweptKeys, List<SweepRow> rows) {
        String xKey = sweptKeys.isEmpty() ? null : sweptKeys.get(0);
        String yKey = sweptKeys.size() < 2 ? null : sweptKeys.get(1);
        List<String> sliceKeys = sweptKeys.size() <= 2 ? List.of() : sweptKeys.subList(2, sweptKeys.size());
        Map<String, List<SweepRow>> slices = new LinkedHashMap<>();
        for (SweepRow row : SweepGrid.sorted(rows, sliceKeys)) {
            StringBuilder suffix = new StringBuilder();
            for (String key : sliceKeys) {
                suffix.append('-').append(key).append('=').append(row.params().get(key));
            }
            slices.computeIfAbsent(suffix.toString(), s -> new ArrayList<>()).add(row);
        }
        if (slices.isEmpty()) {
            slices.put("", List.of());
        }
        List<Path> written = new ArrayList<>();
        for (var slice : slices.entrySet()) {
            SweepGrid grid = SweepGrid.of(xKey, yKey, slice.getValue());
            String suffix = BacktestReport.fileSafe(slice.getKey());
            String title = slice.getKey().isEmpty() ? "" : " · " + slice.getKey().substring(1).replace("-", ", ");
            Path pnl = outDir.resolve("heatmap-pnl" + suffix + ".png");
            SweepHeatmap.write(pnl, grid, SweepHeatmap.Figure.PNL, "P&L ($) by " + axes(xKey, yKey) + title);
            Path fills = outDir.resolve("heatmap-fills" + suffix + ".png");
            SweepHeatmap.write(fills, grid, SweepHeatmap.Figure.FILLS, "Fills by " + axes(xKey, yKey) + title);
            written.add(pnl);
            written.add(fills);
        }
        return written;
    }

    private static String axes(String xKey, String yKey) {
        return xKey == null ? "run" : yKey == null ? xKey : xKey + " × " + yKey;
    }

    /** The distinct values of {@code key} over {@code rows}, numerically sorted when all are numbers. */
    static List<String> values(String key, List<SweepRow> rows) {
        LinkedHashSet<String> values = new LinkedHashSet<>();
        rows.forEach(r -> values.add(r.params().get(key)));
        List<String> sorted = new ArrayList<>(values);
        if (sorted.stream().allMatch(SweepReport::isNumber)) {
            sorted.sort((a, b) -> new BigDecimal(a).compareTo(new BigDecimal(b)));
        }
        return sorted;
    }

    private static boolean isNumber(String text) {
        try {
            new BigDecimal(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
