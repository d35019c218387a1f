package io.kbt.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A multi-market, multi-day run of one million time-series rows renders in a JVM limited to a 1 GB heap: the CSVs
 * stream to disk and the charts hold bounded series. Runs {@link RenderMain} in a forked {@code java -Xmx1g}.
 */
class LargeRunRenderTest {
    @TempDir
    Path dir;

    @Test
    void millionRowRunRendersWithinAOneGigabyteHeap() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // 2 days × 2 markets × 250,000 samples = 1,000,000 rows.
        Process process = new ProcessBuilder(java.toString(), "-Xmx1g", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), RenderMain.class.getName(),
                dir.toString(), "2", "2", "250000", "2500")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        // A hang guard only, not a performance bound.
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
        System.out.println("LargeRunRenderTest: " + output.strip());
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("rows=1000000 ", "maxHeapMb=1024");
        try (var lines = Files.lines(dir.resolve("timeseries.csv"))) {
            assertThat(lines.count()).isEqualTo(1_000_001);
        }
        for (String chart : List.of("pnl.png", "inventory.png", "fills-INXD-23APR11-B4075.png")) {
            assertThat(dir.resolve(chart)).isNotEmptyFile();
        }
    }
}
