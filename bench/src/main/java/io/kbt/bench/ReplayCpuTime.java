package io.kbt.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Events per CPU-second of the replay benchmark's day, from the thread's own CPU time: a figure that stays
 * meaningful on a shared, oversubscribed machine where JMH's wall-clock throughput does not. Run with
 * {@code java -cp bench/target/benchmarks.jar io.kbt.bench.ReplayCpuTime [runs]}.
 */
public final class ReplayCpuTime {
    private ReplayCpuTime() {}

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        ReplayBenchmark benchmark = new ReplayBenchmark();
        benchmark.load();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < runs; i++) {
            long quoting = threads.getCurrentThreadCpuTime();
            var result = benchmark.replayEventTape();
            quoting = threads.getCurrentThreadCpuTime() - quoting;
            long idle = threads.getCurrentThreadCpuTime();
            benchmark.replayEventTapeIdleStrategy();
            idle = threads.getCurrentThreadCpuTime() - idle;
            System.out.printf("run %d: quoting %.1f M events/CPU-s (%d fills, %d orders), idle strategy %.1f M events/CPU-s%n",
                    i, ReplayBenchmark.EVENTS * 1e3 / quoting, result.fills(), result.ordersSent(),
                    ReplayBenchmark.EVENTS * 1e3 / idle);
        }
    }
}
