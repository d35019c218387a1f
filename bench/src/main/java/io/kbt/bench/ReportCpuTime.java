package io.kbt.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Samples per CPU-second of {@link ReportCsvBenchmark}'s report, from the writing thread's own CPU time (stays
 * meaningful on a busy machine). Run with {@code java -cp bench/target/benchmarks.jar io.kbt.bench.ReportCpuTime
 * [runs]}.
 */
public final class ReportCpuTime {
    private ReportCpuTime() {}

    public static void main(String[] args) throws IOException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        ReportCsvBenchmark benchmark = new ReportCsvBenchmark();
        benchmark.setUp();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < runs; i++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long rows = benchmark.timeseriesCsv();
            cpu = threads.getCurrentThreadCpuTime() - cpu;
            System.out.printf("run %d: %d rows in %.1f ms CPU, %.2f M samples/CPU-s%n", i, rows, cpu / 1e6,
                    ReportCsvBenchmark.SAMPLES * 1e3 / cpu);
        }
    }
}
