package io.kbt.bench;

import io.kbt.samples.GenerationStats;
import io.kbt.samples.Generator;
import io.kbt.samples.GeneratorConfig;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Generator throughput without the disk: {@code days} trading days of 12 brackets plus two tails written to null
 * streams, one generation per invocation. One day is 156 k events (≈ 133 k websocket frames and 23,401 index
 * ticks); divide by the time per invocation for events/s ({@code kbt generate} prints the figure with the disk).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GeneratorBench {
    @Param("1")
    public int days;

    @Benchmark
    public GenerationStats generate() {
        return new Generator(GeneratorConfig.of(LocalDate.of(2026, 1, 5), days, 12, 1))
                .write(OutputStream.nullOutputStream(), OutputStream.nullOutputStream(), OutputStream.nullOutputStream());
    }
}
