package io.kbt.reports;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.knowm.xchart.XYChart;

/**
 * {@code inventory.png}: the position of each market in contracts (+ yes, − no) over time. With many markets only
 * the ones that held the largest positions are drawn, and the title says how many were left out.
 */
final class InventoryChart {
    static final int MAX_MARKETS = 12;
    private static final Color[] PALETTE = {
        new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40),
        new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127),
        new Color(188, 189, 34), new Color(23, 190, 207), new Color(0, 0, 128), new Color(128, 0, 0)
    };

    private InventoryChart() {}

    static void write(Path file, List<MarketSeries> markets, String title) {
        XYChart chart = chart(markets, title);
        if (chart == null) {
            ChartStyle.writeEmpty(file, title + ": no positions recorded");
        } else {
            ChartStyle.writePng(file, chart);
        }
    }

    /** The positions of the drawn markets, or null when no market held a position. */
    static XYChart chart(List<MarketSeries> markets, String title) {
        List<MarketSeries> held = new ArrayList<>(markets.stream().filter(m -> !m.position.isEmpty()).toList());
        held.sort(Comparator.comparingDouble((MarketSeries m) -> m.position.maxAbs()).reversed()
                .thenComparing(m -> m.market.ticker()));
        int leftOut = Math.max(0, held.size() - MAX_MARKETS);
        List<MarketSeries> drawn = held.subList(0, Math.min(MAX_MARKETS, held.size()));
        drawn.sort(Comparator.comparing(m -> m.market.ticker()));
        List<SeriesBuffer.Points> positions = drawn.stream().map(m -> m.position.points()).toList();
        TimeAxis axis = TimeAxis.covering(positions);
        if (axis.isEmpty()) {
            return null;
        }
        String fullTitle = leftOut == 0 ? title
                : title + " (largest " + drawn.size() + " of " + held.size() + " markets)";
        XYChart chart = ChartStyle.timeChart(ChartStyle.HEIGHT, fullTitle, "position (contracts, + yes / − no)", axis);
        for (int i = 0; i < drawn.size(); i++) {
            ChartStyle.line(chart, drawn.get(i).market.ticker(), axis, positions.get(i), 1,
                    PALETTE[i % PALETTE.length], 2.5f, true);
        }
        chart.getStyler().setYAxisDecimalPattern("#,##0.##");
        return chart;
    }
}
