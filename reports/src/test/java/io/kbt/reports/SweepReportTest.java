package io.kbt.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kbt.engine.market.Result;
import io.kbt.engine.run.BookAnomalies;
import io.kbt.engine.run.MarketSummary;
import io.kbt.engine.run.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapSeries;

class SweepReportTest {
    @TempDir
    Path dir;

    @Test
    void twoSweptKeysGiveCsvJsonAndHeatmapsOfPnlAndFills() throws IOException {
        List<SweepRow> rows = grid(List.of("1", "2", "3", "4"), List.of("0", "0.5", "1"), List.of());
        SweepReport.write(dir, List.of("spread", "skew"), rows);

        List<String> csv = Files.readAllLines(dir.resolve("sweep.csv"));
        assertThat(csv).hasSize(1 + 12);
        assertThat(csv.get(0)).startsWith("spread,skew,events,fills,contracts,volume_cents,fees_cents,pnl_cents,"
                + "max_drawdown_cents,max_abs_position");
        int pnl = List.of(csv.get(0).split(",")).indexOf("pnl_cents");
        // spread 3, skew 0.5: P&L = (3 × 100 − 0.5 × 200 − 150) dollars + 0.25¢, exactly.
        assertThat(csv).anySatisfy(line -> {
            String[] fields = line.split(",");
            assertThat(fields[0] + "/" + fields[1]).isEqualTo("3/0.5");
            assertThat(fields[pnl]).isEqualTo("5000.25");
        });
        JsonNode json = new ObjectMapper().readTree(dir.resolve("sweep.json").toFile());
        assertThat(json.get("swept_keys")).hasSize(2);
        assertThat(json.get("runs")).hasSize(12);
        assertThat(json.get("runs").get(0).get("params").get("spread").asText()).isEqualTo("1");
        assertThat(json.get("runs").get(0).has("pnl_cents")).isTrue();
        assertThat(dir.resolve("heatmap-pnl.png")).isNotEmptyFile();
        assertThat(dir.resolve("heatmap-fills.png")).isNotEmptyFile();
    }

    @Test
    void heatmapsPutEachRunsPnlInDollarsAndFillsInTheCellOfItsTwoSweptValues() {
        List<SweepRow> rows = grid(List.of("1", "2", "3", "10"), List.of("0", "0.5", "1"), List.of());
        SweepGrid grid = SweepGrid.of("spread", "skew", rows);

        HeatMapChart pnl = SweepHeatmap.chart(grid, SweepHeatmap.Figure.PNL, "P&L ($) by spread × skew");

        assertThat(pnl.getTitle()).isEqualTo("P&L ($) by spread × skew");
        assertThat(pnl.getXAxisTitle()).isEqualTo("spread");
        assertThat(pnl.getYAxisTitle()).isEqualTo("skew");
        HeatMapSeries series = pnl.getHeatMapSeries();
        assertThat(series.getName()).isEqualTo("P&L ($)");
        assertThat(new ArrayList<Object>(series.getXData())).containsExactly("1", "2", "3", "10");
        assertThat(new ArrayList<Object>(series.getYData())).containsExactly("0", "0.5", "1");
        assertThat(series.getHeatData()).hasSize(12);
        // spread 3 (x 2), skew 0.5 (y 1): (300 − 100 − 150) dollars + 0.25¢; spread 1, skew 1: −250 dollars + 0.25¢
        assertThat(cell(series, 2, 1)).isCloseTo(50.0025, within(1e-9));
        assertThat(cell(series, 0, 2)).isCloseTo(-249.9975, within(1e-9));
        // symmetric colour scale around zero, reaching the largest |P&L| (spread 10, skew 0: 850 dollars)
        assertThat(pnl.getStyler().getMax()).isCloseTo(850.0025, within(1e-9));
        assertThat(pnl.getStyler().getMin()).isCloseTo(-850.0025, within(1e-9));

        HeatMapChart fills = SweepHeatmap.chart(grid, SweepHeatmap.Figure.FILLS, "Fills by spread × skew");
        assertThat(fills.getHeatMapSeries().getName()).isEqualTo("fills");
        assertThat(cell(fills.getHeatMapSeries(), 3, 0)).isEqualTo(100);
        assertThat(cell(fills.getHeatMapSeries(), 1, 2)).isEqualTo(20);
    }

    private static double cell(HeatMapSeries series, int x, int y) {
        for (Number[] c : series.getHeatData()) {
            if (c[0].intValue() == x && c[1].intValue() == y) {
                return c[2].doubleValue();
            }
        }
        throw new AssertionError("no cell at " + x + ", " + y);
    }

    @Test
    void thirdSweptKeyGivesOneHeatmapPerValue() throws IOException {
        List<SweepRow> rows = grid(List.of("1", "2"), List.of("0", "1"), List.of("10", "50"));
        SweepReport.write(dir, List.of("spread", "skew", "limit"), rows);

        assertThat(Files.readAllLines(dir.resolve("sweep.csv"))).hasSize(1 + 8)
                .first().asString().startsWith("spread,skew,limit,events,");
        assertThat(dir.resolve("heatmap-pnl-limit=10.png")).isNotEmptyFile();
        assertThat(dir.resolve("heatmap-pnl-limit=50.png")).isNotEmptyFile();
        assertThat(dir.resolve("heatmap-fills-limit=10.png")).isNotEmptyFile();
        assertThat(dir.resolve("heatmap-fills-limit=50.png")).isNotEmptyFile();
        assertThat(dir.resolve("heatmap-pnl.png")).doesNotExist();
    }

    @Test
    void oneSweptKeyStillGivesAHeatmapOfOneRow() throws IOException {
        SweepReport.write(dir, List.of("spread"), grid(List.of("1", "2", "10"), List.of("0"), List.of()).stream()
                .map(r -> new SweepRow(Map.of("spread", r.params().get("spread")), r.result())).toList());
        assertThat(dir.resolve("heatmap-pnl.png")).isNotEmptyFile();
        List<String> csv = Files.readAllLines(dir.resolve("sweep.csv"));
        assertThat(csv.subList(1, 4)).extracting(l -> l.split(",")[0]).containsExactly("1", "2", "10");
    }

    /** One row per combination; P&L = (100 × spread − 200 × skew − 150) dollars + 0.25¢ (+ 1 × limit). */
    private static List<SweepRow> grid(List<String> spreads, List<String> skews, List<String> limits) {
        List<SweepRow> rows = new ArrayList<>();
        for (String limit : limits.isEmpty() ? List.of("") : limits) {
            for (String spread : spreads) {
                for (String skew : skews) {
                    Map<String, String> params = new LinkedHashMap<>();
                    params.put("spread", spread);
                    params.put("skew", skew);
                    if (!limit.isEmpty()) {
                        params.put("limit", limit);
                    }
                    long pnl = Math.round((100 * Double.parseDouble(spread) - 200 * Double.parseDouble(skew) - 150
                            + (limit.isEmpty() ? 0 : Double.parseDouble(limit))) * 1_000_000) + 2_500;
                    long fills = 10 * Long.parseLong(spread);
                    rows.add(new SweepRow(params, new RunResult(
                            List.of(new MarketSummary(0, "INXD-23APR10-B4075", Result.NO, pnl, fills, fills * 100,
                                    0, 0)),
                            1_000, fills, fills * 100, 5_000_000, 20_000, pnl, 1_000_000, 500, 2_000_000, 10, 5,
                            new BookAnomalies(0, 0, 0), 1_000_000)));
                }
            }
        }
        return rows;
    }
}
