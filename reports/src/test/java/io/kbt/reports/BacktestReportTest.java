package io.kbt.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kbt.engine.event.IndexTick;
import io.kbt.engine.market.Instruments;
import io.kbt.engine.market.Market;
import io.kbt.engine.market.Result;
import io.kbt.engine.market.StrikeType;
import io.kbt.engine.market.TickSize;
import io.kbt.engine.run.Action;
import io.kbt.engine.run.BookAnomalies;
import io.kbt.engine.run.Fill;
import io.kbt.engine.run.FillRule;
import io.kbt.engine.run.Liquidity;
import io.kbt.engine.run.MarketSummary;
import io.kbt.engine.run.PnlPoint;
import io.kbt.engine.run.RunResult;
import io.kbt.engine.run.Sample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestReportTest {
    private static final LocalDate DAY = LocalDate.of(2023, 4, 10);
    private static final long T0 = SyntheticRun.micros(DAY, LocalTime.of(9, 31, 2)) + 651_062;

    private static final Market CENT = new Market(0, "INXD-23APR10-B4075", "INXD-23APR10", "INXD",
            StrikeType.BETWEEN, 4050, 4099.99, "SPX", T0, T0 + 3_600_000_000L, Result.NO, TickSize.CENT);
    private static final Market TENTH = new Market(1, "INXD-23APR10-B4125", "INXD-23APR10", "INXD",
            StrikeType.BETWEEN, 4100, 4149.99, "SPX", T0, T0 + 3_600_000_000L, Result.NO, TickSize.TENTH_CENT);
    private static final Instruments INSTRUMENTS = new Instruments(List.of(CENT, TENTH), List.of("SPX"));

    @TempDir
    Path dir;

    @Test
    void fillsCsvHasTheContractColumnsAndOneExactRowPerFill() throws IOException {
        try (BacktestReport report = new BacktestReport(dir, INSTRUMENTS, 0)) {
            report.onFill(new Fill(T0, 0, Action.BUY, 44, 184, 12_345, Liquidity.MAKER, 184, 7, FillRule.QUEUE));
            report.onFill(new Fill(T0 + 1_000_000, 1, Action.SELL, 653, 100, 0, Liquidity.TAKER, -100, 9,
                    FillRule.TAKE));
            report.finish(result(2), info());
        }
        assertThat(Files.readAllLines(dir.resolve("fills.csv"))).containsExactly(
                "time,ticker,side,price,count,fee_cents,liquidity,position_after,rule",
                "2023-04-10T13:31:02.651062Z,INXD-23APR10-B4075,buy,44,1.84,1.2345,maker,1.84,queue",
                "2023-04-10T13:31:03.651062Z,INXD-23APR10-B4125,sell,65.3,1.00,0,taker,-1.00,take");
    }

    @Test
    void timeseriesCsvHasOneRowPerSampleWithEmptyFieldsForNone() throws IOException {
        try (BacktestReport report = new BacktestReport(dir, INSTRUMENTS, 0)) {
            report.onSample(new Sample(T0, 0, 45, 47, 46.25, 44, 48, 0, 0));
            report.onSample(new Sample(T0, 1, 653, 0, Double.NaN, 0, 0, 0, 0));
            report.onSample(new Sample(T0 + 500_000, 0, 44, 47, 46.1, 0, 0, -184, -5_000));
            report.finish(result(0), info());
            assertThat(report.timeseriesRows()).isEqualTo(3);
        }
        assertThat(Files.readAllLines(dir.resolve("timeseries.csv"))).containsExactly(
                "time,ticker,best_yes_bid,best_yes_ask,fair,our_bid,our_ask,position,pnl_cents",
                "2023-04-10T13:31:02.651062Z,INXD-23APR10-B4075,45,47,46.25,44,48,0.00,0",
                "2023-04-10T13:31:02.651062Z,INXD-23APR10-B4125,65.3,,,,,0.00,0",
                "2023-04-10T13:31:03.151062Z,INXD-23APR10-B4075,44,47,46.1,,,-1.84,-0.5");
    }

    @Test
    void samplingKeepsAtMostOneRowPerMarketPerIntervalAndEveryFillRow() throws IOException {
        long interval = 10_000_000;
        long start = Math.floorDiv(T0, interval) * interval;
        long position = 0;
        int fills = 0;
        try (BacktestReport report = new BacktestReport(dir, INSTRUMENTS, interval)) {
            for (int s = 0; s < 60; s++) {
                long ts = start + s * 1_000_000L;
                if (s == 25 || s == 26 || s == 41) {
                    position += 100;
                    fills++;
                    report.onFill(new Fill(ts, 0, Action.BUY, 45, 100, 0, Liquidity.MAKER, position, s,
                            FillRule.QUEUE));
                }
                report.onSample(new Sample(ts, 0, 45, 47, 46, 44, 48, position, 0));
                report.onSample(new Sample(ts, 1, 450, 470, 46, 0, 0, 0, 0));
            }
            report.finish(result(fills), info());
            assertThat(report.samples()).isEqualTo(120);
        }
        List<String> rows = Files.readAllLines(dir.resolve("timeseries.csv"));
        List<String> cent = rows.stream().filter(r -> r.contains("B4075")).toList();
        List<String> tenth = rows.stream().filter(r -> r.contains("B4125")).toList();
        // Six 10-second intervals: the first sample of each, plus the rows at the fills (seconds 25, 26 and 41).
        assertThat(tenth).hasSize(6);
        assertThat(cent).hasSize(9);
        assertThat(cent).filteredOn(r -> r.contains(":25.") || r.contains(":26.") || r.contains(":41."))
                .extracting(r -> r.split(",")[7]).containsExactly("1.00", "2.00", "3.00");
        assertThat(Files.readAllLines(dir.resolve("fills.csv"))).hasSize(1 + fills);
    }

    @Test
    void summaryJsonHasEveryKeyOfTheDesignWithExactCents() throws IOException {
        try (BacktestReport report = new BacktestReport(dir, INSTRUMENTS, 0)) {
            report.finish(result(3), info());
        }
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertThat(summary.fieldNames()).toIterable().contains("strategy", "params", "from", "to", "markets",
                "events", "fills", "contracts", "volume_cents", "fees_cents", "pnl_cents", "max_drawdown_cents",
                "max_abs_position", "load_ms", "replay_ms", "events_per_second", "queue_model", "fee_schedule",
                "peak_capital_cents", "orders_sent", "cancels_sent", "book_anomalies");
        assertThat(summary.get("strategy").asText()).isEqualTo("cauchy");
        assertThat(summary.get("params").get("spread").asText()).isEqualTo("2");
        assertThat(summary.get("from").asText()).isEqualTo("2023-04-10");
        assertThat(summary.get("pnl_cents").decimalValue()).isEqualByComparingTo("-123.4567");
        assertThat(summary.get("fees_cents").decimalValue()).isEqualByComparingTo("0.1");
        assertThat(summary.get("contracts").decimalValue()).isEqualByComparingTo("3.5");
        assertThat(summary.get("events_per_second").asLong()).isEqualTo(4_000);
        assertThat(summary.get("replay_ms").asLong()).isEqualTo(2_500);
        assertThat(summary.get("load_ms").asLong()).isEqualTo(17);
        JsonNode market = summary.get("markets").get(0);
        assertThat(market.fieldNames()).toIterable()
                .contains("ticker", "result", "pnl_cents", "fills", "final_position");
        assertThat(market.get("ticker").asText()).isEqualTo("INXD-23APR10-B4075");
        assertThat(market.get("result").asText()).isEqualTo("no");
        assertThat(market.get("final_position").decimalValue()).isEqualByComparingTo("-1.84");
    }

    @Test
    void everyChartIsWrittenAndOnlyTradedMarketsGetFillChartsAndThePnlChartIsA1600x1000PngWithContent()
            throws IOException {
        SyntheticRun run = new SyntheticRun(2, 2, 400, 15);
        try (BacktestReport report = new BacktestReport(dir, run.instruments, 0)) {
            run.replay(report);
            report.finish(run.result(), info());
        }
        // The one pixel-level check; what the charts plot is asserted in ChartDataTest.
        Pngs.assertChart(dir.resolve("pnl.png"));
        assertThat(dir.resolve("inventory.png")).isNotEmptyFile();
        for (Market market : run.instruments.markets()) {
            assertThat(dir.resolve("fills-" + market.ticker() + ".png")).isNotEmptyFile();
        }
        try (var files = Files.list(dir)) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("fills-"))).hasSize(4);
        }
    }

    @Test
    void chartsRenderedOnAPoolAreTheSameFilesAsChartsRenderedOneAfterAnother() throws IOException {
        // Two days, so daily-pnl.png is drawn too: five charts for the pool's two threads.
        Path sequential = dir.resolve("sequential");
        Path pooled = dir.resolve("pooled");
        for (Path out : List.of(sequential, pooled)) {
            SyntheticRun run = new SyntheticRun(2, 2, 400, 15);
            try (BacktestReport report = new BacktestReport(out, run.instruments, 0, out == pooled ? 2 : 1)) {
                run.replay(report);
                report.finish(run.result(), info());
            }
        }
        List<String> names;
        try (var files = Files.list(sequential)) {
            names = files.map(f -> f.getFileName().toString()).sorted().toList();
        }
        assertThat(names).contains("daily-pnl.png", "pnl.png", "inventory.png", "index.html", "summary.json")
                .filteredOn(n -> n.startsWith("fills-")).hasSize(4);
        try (var files = Files.list(pooled)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList()).isEqualTo(names);
        }
        for (String name : names) {
            assertThat(Files.readAllBytes(pooled.resolve(name))).as(name)
                    .isEqualTo(Files.readAllBytes(sequential.resolve(name)));
        }
    }

    @Test
    void aChartThatFailsOnThePoolFailsTheReport() throws IOException {
        SyntheticRun run = new SyntheticRun(2, 2, 400, 15);
        Path out = dir.resolve("report");
        try (BacktestReport report = new BacktestReport(out, run.instruments, 0, 2)) {
            run.replay(report);
            // A directory that is not empty: ImageIO cannot replace it.
            Files.createDirectories(out.resolve("inventory.png").resolve("taken"));
            assertThatThrownBy(() -> report.finish(run.result(), info()))
                    .isInstanceOf(UncheckedIOException.class).hasMessageContaining("inventory.png");
        }
        assertThat(out.resolve("pnl.png")).isNotEmptyFile();
    }

    @Test
    void aRunWithNothingRecordedStillGetsItsPnlAndInventoryChartsSayingSo() throws IOException {
        try (BacktestReport report = new BacktestReport(dir, INSTRUMENTS, 0)) {
            report.finish(result(0), info());
        }
        // The charts' builders give nothing to draw here (ChartDataTest); the files say so in words.
        assertThat(dir.resolve("pnl.png")).isNotEmptyFile();
        assertThat(dir.resolve("inventory.png")).isNotEmptyFile();
    }

    @Test
    void marketWithoutFillsGetsNoChartAndIndexHtmlShowsEveryChart() throws IOException {
        try (BacktestReport report = new BacktestReport(dir, INSTRUMENTS, 0)) {
            for (int s = 0; s < 100; s++) {
                long ts = T0 + s * 60_000_000L;
                report.onIndex(new IndexTick(ts, s, 0, 4080 + s * 0.1));
                long position = s >= 50 ? 184 : 0;
                if (s == 50) {
                    report.onFill(new Fill(ts, 0, Action.BUY, 44, 184, 0, Liquidity.MAKER, 184, s, FillRule.QUEUE));
                }
                report.onSample(new Sample(ts, 0, 45, 47, 46.0 + s / 100.0, 44, 48, position, -s * 1_000L));
                report.onSample(new Sample(ts, 1, 450, 470, Double.NaN, 0, 0, 0, 0));
                report.onPnl(new PnlPoint(ts, -s * 1_000L, 0, 0));
            }
            report.finish(result(1), info());
        }
        assertThat(dir.resolve("fills-INXD-23APR10-B4075.png")).isNotEmptyFile();
        assertThat(dir.resolve("fills-INXD-23APR10-B4125.png")).doesNotExist();
        String html = Files.readString(dir.resolve("index.html"));
        assertThat(html).contains("<img src=\"pnl.png\"", "<img src=\"inventory.png\"",
                "<img src=\"fills-INXD-23APR10-B4075.png\"", "<th>pnl_cents</th>", "-123.4567",
                "INXD-23APR10-B4125");
    }

    @Test
    void aMarketWithoutTradesAndSkippedCrossingsAreWarnedAboutInSummaryJsonAndIndexHtml() throws IOException {
        RunResult plain = result(3);
        RunResult warned = new RunResult(plain.markets(), plain.events(), plain.fills(), plain.contracts(),
                plain.volumeMicros(), plain.feesMicros(), plain.pnlMicros(), plain.maxDrawdownMicros(),
                plain.maxAbsPosition(), plain.peakCapitalMicros(), plain.ordersSent(), plain.cancelsSent(),
                new BookAnomalies(0, 2, 0, 1, List.of(TENTH.ticker())), plain.replayNanos());
        try (BacktestReport report = new BacktestReport(dir, INSTRUMENTS, 0)) {
            report.finish(warned, info());
        }
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertThat(summary.get("book_anomalies").get("markets_without_trades").get(0).asText())
                .isEqualTo(TENTH.ticker());
        assertThat(summary.get("book_anomalies").get("crossed_fills_skipped").asLong()).isEqualTo(1);
        assertThat(summary.get("warnings")).hasSize(2);
        assertThat(summary.get("warnings").get(0).asText()).contains("no trades at all (" + TENTH.ticker() + ")");
        assertThat(summary.get("warnings").get(1).asText())
                .contains("crossed 2 times", "1 crossing fill of our resting orders skipped");
        String html = Files.readString(dir.resolve("index.html"));
        assertThat(html).contains("<h2>Warnings</h2>", "no trades at all (" + TENTH.ticker() + ")");

        try (BacktestReport report = new BacktestReport(dir, INSTRUMENTS, 0)) {
            report.finish(plain, info());
        }
        assertThat(new ObjectMapper().readTree(dir.resolve("summary.json").toFile()).get("warnings")).hasSize(1);
        assertThat(Files.readString(dir.resolve("index.html"))).doesNotContain("no trades at all");
    }

    private static RunInfo info() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("spread", "2");
        params.put("skew", "0.5");
        return new RunInfo("cauchy", params, DAY, DAY, "risk-averse", "kalshi-2023", 17);
    }

    private static RunResult result(long fills) {
        List<MarketSummary> markets = new ArrayList<>();
        markets.add(new MarketSummary(0, CENT.ticker(), Result.NO, -1_234_567, fills, 350, -184, 1_000));
        markets.add(new MarketSummary(1, TENTH.ticker(), Result.NO, 0, 0, 0, 0, 0));
        return new RunResult(markets, 10_000, fills, 350, 2_000_000, 1_000, -1_234_567, 2_000_000, 184,
                5_000_000, 40, 30, new BookAnomalies(0, 1, 0), 2_500_000_000L);
    }
}
