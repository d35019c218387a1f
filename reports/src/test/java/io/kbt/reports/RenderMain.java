package io.kbt.reports;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders a synthetic run into a directory; the large-run test launches it in a JVM with a 1 GB heap.
 * Arguments: outDir days marketsPerDay samplesPerMarket fillEvery. Prints rows, milliseconds and peak heap.
 */
public final class RenderMain {
    private RenderMain() {}

    public static void main(String[] args) {
        Path out = Path.of(args[0]);
        SyntheticRun run = new SyntheticRun(Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                Long.parseLong(args[3]), Integer.parseInt(args[4]));
        long start = System.nanoTime();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("spread", "2");
        params.put("skew", "0.5");
        try (BacktestReport report = new BacktestReport(out, run.instruments, 0)) {
            run.replay(report);
            long replayed = System.nanoTime();
            report.finish(run.result(), new RunInfo("cauchy", params, run.days.get(0),
                    run.days.get(run.days.size() - 1), "risk-averse", "kalshi-2023", 10));
            long done = System.nanoTime();
            Runtime rt = Runtime.getRuntime();
            System.out.println("rows=" + report.timeseriesRows() + " fills=" + run.fills
                    + " streamMs=" + (replayed - start) / 1_000_000 + " finishMs=" + (done - replayed) / 1_000_000
                    + " usedHeapMb=" + (rt.totalMemory() - rt.freeMemory()) / (1 << 20)
                    + " maxHeapMb=" + rt.maxMemory() / (1 << 20));
        }
    }
}
