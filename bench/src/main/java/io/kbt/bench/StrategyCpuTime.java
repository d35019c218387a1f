package io.kbt.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Events per CPU-second of {@link StrategyBenchmark}'s two runs, from the thread's own CPU time: meaningful on a
 * shared, oversubscribed machine where JMH's wall-clock throughput is not. The last runs are the compiled
 * figures. Run with {@code java -cp bench/target/benchmarks.jar io.kbt.bench.StrategyCpuTime [runs]}.
 */
public final class StrategyCpuTime {
    private StrategyCpuTime() {}

    public static void main(String[] args) throws IOException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        StrategyBenchmark benchmark = new StrategyBenchmark();
        benchmark.load();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < runs; i++) {
            long sweep = threads.getCurrentThreadCpuTime();
            var result = benchmark.seedSweepSet();
            sweep = threads.getCurrentThreadCpuTime() - sweep;
            long sampled = threads.getCurrentThreadCpuTime();
            benchmark.seedWithSamples();
            sampled = threads.getCurrentThreadCpuTime() - sampled;
            System.out.printf("run %d: sweep set %.2f M events/CPU-s (%d fills, %d orders), with samples %.2f M events/CPU-s%n",
                    i, StrategyBenchmark.EVENTS * 1e3 / sweep, result.fills(), result.ordersSent(),
                    StrategyBenchmark.EVENTS * 1e3 / sampled);
        }
    }
}
