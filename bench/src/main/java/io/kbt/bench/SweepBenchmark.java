package io.kbt.bench;

import io.kbt.engine.event.DataSet;
import io.kbt.engine.market.Instruments;
import io.kbt.engine.market.Selection;
import io.kbt.engine.replay.EventTape;
import io.kbt.engine.replay.Replay;
import io.kbt.engine.replay.ReplayConfig;
import io.kbt.engine.run.RunListener;
import io.kbt.feeds.DataDirectory;
import io.kbt.strategies.StrategyCatalog;
import io.kbt.strategies.StrategySpec;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The README's sweep once the JIT has compiled it: 100 parameter sets (halfSpread 1..10 × skew 0..0.9 on the
 * seed preset) over the real day of {@code ../shared/data/kalshi-2023-04} (or {@code -Dkbt.realDay=DIR}), each
 * set a fresh strategy replaying one shared tape, on a pool of {@code threads} workers as {@code kbt sweep}
 * runs them. Score = milliseconds per 100-set sweep; the ratio of the two thread counts is the speedup without
 * the JIT's warm-up, which a one-second sweep in a fresh JVM cannot hide on two cores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SweepBenchmark {
    @Param({"1", "2"})
    int threads;

    private Instruments instruments;
    private EventTape tape;
    private List<StrategySpec> sets;
    private ExecutorService pool;

    @Setup(Level.Trial)
    public void load() {
        Path dir = Path.of(System.getProperty("kbt.realDay", "../shared/data/kalshi-2023-04"));
        LocalDate day = LocalDate.of(2023, 4, 10);
        try (DataSet data = new DataDirectory(dir).open(new Selection(List.of("INXD"), List.of(), day, day))) {
            instruments = data.instruments();
            tape = EventTape.record(data.events());
        }
        StrategySpec seed = StrategyCatalog.builtIn().spec("cauchy", Map.of("preset", "seed"));
        sets = new ArrayList<>();
        for (int halfSpread = 1; halfSpread <= 10; halfSpread++) {
            for (int skew = 0; skew <= 9; skew++) {
                sets.add(seed.with(Map.of("halfSpread", Integer.toString(halfSpread), "skew", "0." + skew)));
            }
        }
        pool = Executors.newFixedThreadPool(threads);
    }

    @TearDown(Level.Trial)
    public void stop() {
        pool.shutdownNow();
    }

    @Benchmark
    public long sweep() throws InterruptedException, ExecutionException {
        List<Future<Long>> runs = new ArrayList<>(sets.size());
        for (StrategySpec set : sets) {
            runs.add(pool.submit(() -> Replay.run(instruments, tape.source(), set.newStrategy(instruments),
                    ReplayConfig.defaults(), RunListener.NONE).fills()));
        }
        long fills = 0;
        for (Future<Long> run : runs) {
            fills += run.get();
        }
        return fills;
    }
}
