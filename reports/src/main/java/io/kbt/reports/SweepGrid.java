package io.kbt.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The results of a sweep laid out over two swept keys: x values, y values and the row at each cell (null when that
 * combination was not run). With fewer than two swept keys the missing axis has the single value "all".
 */
record SweepGrid(String xKey, String yKey, List<String> xValues, List<String> yValues, SweepRow[][] cells) {
    static final String ALL = "all";

    static SweepGrid of(String xKey, String yKey, List<SweepRow> rows) {
        List<String> xs = xKey == null ? List.of(ALL) : SweepReport.values(xKey, rows);
        List<String> ys = yKey == null ? List.of(ALL) : SweepReport.values(yKey, rows);
        SweepRow[][] cells = new SweepRow[xs.size()][ys.size()];
        for (SweepRow row : rows) {
            int x = xKey == null ? 0 : xs.indexOf(row.params().get(xKey));
            int y = yKey == null ? 0 : ys.indexOf(row.params().get(yKey));
            cells[x][y] = row;
        }
        return new SweepGrid(xKey == null ? "" : xKey, yKey == null ? "" : yKey, xs, ys, cells);
    }

    /** {@code rows} ordered by the values of {@code keys} (numerically where they are numbers). */
    static List<SweepRow> sorted(List<SweepRow> rows, List<String> keys) {
        List<SweepRow> sorted = new ArrayList<>(rows);
        Comparator<SweepRow> order = (a, b) -> 0;
        for (String key : keys) {
            List<String> values = SweepReport.values(key, rows);
            order = order.thenComparingInt(r -> values.indexOf(r.params().get(key)));
        }
        sorted.sort(order);
        return sorted;
    }
}
