package io.kbt.reports;

import io.kbt.engine.event.IndexTick;
import io.kbt.engine.market.Instruments;
import io.kbt.engine.market.Market;
import io.kbt.engine.run.Fill;
import io.kbt.engine.run.PnlPoint;
import io.kbt.engine.run.RunListener;
import io.kbt.engine.run.RunResult;
import io.kbt.engine.run.Sample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The output directory of one backtest. As the replay runs it streams {@code fills.csv} and {@code timeseries.csv}
 * to disk and keeps only bounded, downsampled series for the charts; {@link #finish} then writes
 * {@code summary.json}, {@code pnl.png}, {@code inventory.png}, {@code fills-<TICKER>.png} per traded market and
 * {@code index.html}.
 *
 * <p>Sampling: with {@code sampleIntervalMicros} &gt; 0, {@code timeseries.csv} gets at most one row per market
 * per interval (the first sample of each interval, intervals aligned on the epoch), except that a row at a fill
 * or a position change is always written.
 */
public final class BacktestReport implements RunListener, AutoCloseable {
    /** Buckets per drawn series: two to three points each, about two per pixel of a 1600-wide chart. */
    static final int CHART_BUCKETS = 1000;

    private static final String[] FILLS_HEADER =
            {"time", "ticker", "side", "price", "count", "fee_cents", "liquidity", "position_after", "rule"};
    private static final String[] TIMESERIES_HEADER = {"time", "ticker", "best_yes_bid", "best_yes_ask", "fair",
            "our_bid", "our_ask", "position", "pnl_cents"};

    private final Path outDir;
    private final Instruments instruments;
    private final long sampleIntervalMicros;
    private final int chartThreads;
    private final CsvRows fills;
    private final CsvRows timeseries;
    private final MarketSeries[] markets;
    private final SeriesBuffer[] index;
    private final PortfolioSeries portfolio = new PortfolioSeries(CHART_BUCKETS);
    private final DailyPnl daily = new DailyPnl();
    private final long[] lastWrittenInterval;
    private final long[] lastPosition;
    private final long[] lastFillTs;
    private long samples;
    private boolean closed;

    /**
     * Creates {@code outDir} (and parents) and opens the two CSV files; the charts are rendered on one thread per
     * core.
     */
    public BacktestReport(Path outDir, Instruments instruments, long sampleIntervalMicros) {
        this(outDir, instruments, sampleIntervalMicros, Runtime.getRuntime().availableProcessors());
    }

    /** As above, with the charts rendered on at most {@code chartThreads} threads. */
    BacktestReport(Path outDir, Instruments instruments, long sampleIntervalMicros, int chartThreads) {
        if (sampleIntervalMicros < 0) {
            throw new IllegalArgumentException("sample interval must be ≥ 0: " + sampleIntervalMicros);
        }
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        ChartPool.warmUp();
        this.outDir = outDir;
        this.instruments = instruments;
        this.chartThreads = chartThreads;
        this.sampleIntervalMicros = sampleIntervalMicros;
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output directory " + outDir, e);
        }
        int n = instruments.markets().size();
        markets = new MarketSeries[n];
        index = new SeriesBuffer[instruments.symbols().size()];
        lastWrittenInterval = new long[n];
        Arrays.fill(lastWrittenInterval, Long.MIN_VALUE);
        lastPosition = new long[n];
        lastFillTs = new long[n];
        Arrays.fill(lastFillTs, Long.MIN_VALUE);
        fills = new CsvRows(outDir.resolve("fills.csv"), FILLS_HEADER);
        timeseries = new CsvRows(outDir.resolve("timeseries.csv"), TIMESERIES_HEADER);
    }

    @Override
    public void onFill(Fill fill) {
        Market market = instruments.market(fill.market());
        fills.time(fill.ts()).text(market.ticker()).text(fill.action().name().toLowerCase(Locale.ROOT))
                .cents(market.tickSize().micros(fill.price())).contracts(fill.count()).cents(fill.feeMicros())
                .text(fill.liquidity().name().toLowerCase(Locale.ROOT)).contracts(fill.positionAfter())
                .text(fill.rule().name().toLowerCase(Locale.ROOT)).end();
        lastFillTs[fill.market()] = fill.ts();
        series(fill.market()).add(fill);
        daily.add(fill);
    }

    @Override
    public void onSample(Sample sample) {
        int id = sample.market();
        samples++;
        series(id).add(sample);
        boolean traded = sample.ts() == lastFillTs[id] || sample.position() != lastPosition[id];
        lastPosition[id] = sample.position();
        long interval = sampleIntervalMicros == 0 ? sample.ts() : Math.floorDiv(sample.ts(), sampleIntervalMicros);
        if (sampleIntervalMicros == 0 || traded || interval != lastWrittenInterval[id]) {
            lastWrittenInterval[id] = interval;
            writeSample(sample);
        }
    }

    @Override
    public void onPnl(PnlPoint point) {
        portfolio.add(point);
        daily.add(point);
    }

    @Override
    public void onIndex(IndexTick tick) {
        if (tick.symbol() < 0 || tick.symbol() >= index.length) {
            return;
        }
        if (index[tick.symbol()] == null) {
            index[tick.symbol()] = new SeriesBuffer(CHART_BUCKETS);
        }
        index[tick.symbol()].add(tick.ts(), tick.level());
    }

    /** Samples received so far (every one is drawn; {@code timeseries.csv} may hold fewer when sampling). */
    public long samples() {
        return samples;
    }

    /** Rows written to {@code timeseries.csv} so far. */
    public long timeseriesRows() {
        return timeseries.rows();
    }

    /**
     * Closes the CSVs and writes the summary, the charts and {@code index.html}.
     *
     * @return the path of {@code index.html}
     */
    public Path finish(RunResult result, RunInfo info) {
        close();
        Map<String, Object> summary = SummaryJson.summary(result, info);
        summary.put("timeseries_rows", timeseries.rows());
        summary.put("samples", samples);
        summary.put("sample_seconds", Decimals.dollars(sampleIntervalMicros));
        summary.put("days", daily.rows());

        String dates = info.dates();
        String book = " · book: " + info.bookSource(instruments.markets().stream().map(m -> m.ticker()).toList());
        // summary.json goes on the pool too: its JSON writer's first use in a JVM overlaps with the charts.
        List<Runnable> charts = new ArrayList<>();
        charts.add(() -> SummaryJson.write(outDir.resolve("summary.json"), summary));
        if (daily.size() > 1) {
            charts.add(() -> daily.chart(outDir.resolve("daily-pnl.png"),
                    "P&L per day · " + info.strategy() + " · " + dates + book));
        }
        charts.add(() -> PnlChart.write(outDir.resolve("pnl.png"), portfolio, "P&L · " + info.strategy() + " · "
                + dates + " · final " + Figures.dollars(result.pnlMicros()) + " · max drawdown "
                + Figures.dollars(result.maxDrawdownMicros()) + book));
        List<MarketSeries> all = new ArrayList<>();
        for (MarketSeries s : markets) {
            if (s != null) {
                all.add(s);
            }
        }
        charts.add(() -> InventoryChart.write(outDir.resolve("inventory.png"), all,
                "Position by market · " + dates + book));
        Map<String, String> marketCharts = new LinkedHashMap<>();
        for (MarketSeries s : all) {
            if (s.fills > 0) {
                String name = "fills-" + fileSafe(s.market.ticker()) + ".png";
                int symbol = s.market.underlying() == null ? -1 : instruments.symbolId(s.market.underlying());
                charts.add(() -> MarketChart.write(outDir.resolve(name), s, symbol < 0 ? null : index[symbol],
                        s.market.underlying(), dates, info.bookSource(s.market.ticker())));
                marketCharts.put(s.market.ticker(), name);
            }
        }
        ChartPool.renderAll(charts, chartThreads);
        Path html = outDir.resolve("index.html");
        IndexHtml.write(html, summary, marketCharts);
        return html;
    }

    /** Closes the CSV files (also done by {@link #finish}); safe to call more than once. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try (fills; timeseries) {
                // closing both, the second even when the first fails
            }
        }
    }

    private void writeSample(Sample sample) {
        Market market = instruments.market(sample.market());
        timeseries.time(sample.ts()).text(market.ticker());
        price(sample.bestYesBid(), market);
        price(sample.bestYesAsk(), market);
        timeseries.fair(sample.fairCents());
        price(sample.ourBid(), market);
        price(sample.ourAsk(), market);
        timeseries.contracts(sample.position()).cents(sample.pnlMicros()).end();
    }

    private MarketSeries series(int market) {
        if (markets[market] == null) {
            markets[market] = new MarketSeries(instruments.market(market), CHART_BUCKETS);
        }
        return markets[market];
    }

    /** A price in cents, empty for no price (tick 0). */
    private void price(int ticks, Market market) {
        if (ticks == 0) {
            timeseries.text(null);
        } else {
            timeseries.cents(market.tickSize().micros(ticks));
        }
    }

    /** Keeps letters, digits, '-', '.', '_' and '='; anything else becomes '_' so the name is a safe file name. */
    static String fileSafe(String ticker) {
        return ticker.replaceAll("[^A-Za-z0-9._=-]", "_");
    }
}
