package io.kbt.bench;

import io.kbt.engine.market.Selection;
import io.kbt.runner.LoadedData;
import io.kbt.runner.MarketData;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Loading a {@code --data} directory into the tape as {@code kbt backtest} does ({@link MarketData#load}), timed
 * per run by the wall clock, the CPU time of the loading thread and the CPU time of the whole process (every
 * thread: a decoding pool, the JIT, GC), each as events per second. The process CPU is what stays meaningful on a
 * shared machine; later runs are the compiled figures. Run with
 * {@code java -cp bench/target/benchmarks.jar io.kbt.bench.LoadCpuTime DIR FROM TO [runs]}, e.g. on the 20 days
 * of {@code kbt generate --out /tmp/kbt-20d --start 2026-01-05 --days 20 --markets 12}:
 * {@code ... LoadCpuTime /tmp/kbt-20d 2026-01-05 2026-01-30 5}.
 */
public final class LoadCpuTime {
    private LoadCpuTime() {}

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        Selection selection = new Selection(List.of(), List.of(), LocalDate.parse(args[1]), LocalDate.parse(args[2]));
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int i = 0; i < runs; i++) {
            long wall = System.nanoTime();
            long thread = threads.getCurrentThreadCpuTime();
            long process = os.getProcessCpuTime();
            LoadedData loaded = MarketData.directory(dir).load(selection, null, LoadCpuTime.class.getClassLoader());
            wall = System.nanoTime() - wall;
            thread = threads.getCurrentThreadCpuTime() - thread;
            process = os.getProcessCpuTime() - process;
            long events = loaded.tape().size();
            System.out.printf("run %d: %,d events; wall %,d ms (%.2f M events/s); loading thread %,d ms CPU "
                    + "(%.2f M events/CPU-s); process %,d ms CPU (%.2f M events/CPU-s)%n", i, events, wall / 1_000_000,
                    events * 1e3 / wall, thread / 1_000_000, events * 1e3 / thread, process / 1_000_000,
                    events * 1e3 / process);
        }
    }
}
