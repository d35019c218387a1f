package io.kbt.bench;

import io.kbt.engine.market.Instruments;
import io.kbt.engine.market.Market;
import io.kbt.engine.market.Result;
import io.kbt.engine.market.StrikeType;
import io.kbt.engine.market.TickSize;
import io.kbt.engine.run.Sample;
import io.kbt.reports.BacktestReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A backtest report's per-sample work: {@value #SAMPLES} samples (the real day's {@code timeseries.csv} has
 * 57,072 rows) into a {@link BacktestReport} that writes every one to {@code timeseries.csv} and keeps its chart
 * series, then closes the CSVs. Prices, fair values and P&amp;L vary as a run's do (fair values with all their
 * digits). The score is samples per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ReportCsvBenchmark {
    static final int SAMPLES = 57_072;
    private static final long T0 = 1_681_133_460_945_899L;

    private Instruments instruments;
    private Sample[] samples;
    private Path dir;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Market market = new Market(0, "INXD-23APR10-B4075", "INXD-23APR10", "INXD", StrikeType.BETWEEN, 4050,
                4099.99, "SPX", T0, T0 + 23_400_000_000L, Result.NO, TickSize.CENT);
        instruments = new Instruments(List.of(market), List.of("SPX"));
        SplittableRandom random = new SplittableRandom(18);
        samples = new Sample[SAMPLES];
        long ts = T0;
        for (int i = 0; i < SAMPLES; i++) {
            ts += random.nextLong(1, 800_000);
            int bid = random.nextInt(1, 90);
            samples[i] = new Sample(ts, 0, bid, bid + random.nextInt(1, 9), random.nextDouble(1, 99), bid,
                    bid + 2, random.nextLong(-4_000, 4_000), random.nextLong(-50_000_000, 50_000_000));
        }
        dir = Files.createTempDirectory("kbt-report-bench");
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public long timeseriesCsv() {
        try (BacktestReport report = new BacktestReport(dir, instruments, 0)) {
            for (Sample s : samples) {
                report.onSample(s);
            }
            return report.timeseriesRows();
        }
    }
}
