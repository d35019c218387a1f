package io.kbt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.db.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kbt demo}, the README's main command, with a database and with none reachable. */
class DemoCommandTest {
    private static final List<String> REPORT = List.of("backtest/summary.json", "backtest/fills.csv",
            "backtest/timeseries.csv", "backtest/pnl.png", "backtest/inventory.png", "backtest/index.html",
            "sweep/sweep.csv", "sweep/sweep.json", "sweep/heatmap-pnl.png");

    @TempDir
    Path out;

    @Test
    void withPostgresItImportsTheSampleAndReplaysFromTheDatabase() {
        try (TestDatabase db = TestDatabase.create(DemoCommandTest.class, false)) {
            CliRun run = CliRun.of("demo", "--out", out.toString(), "--db", db.jdbcUrl());

            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out()).contains("importing the sample into PostgreSQL").contains("stored as run")
                    .contains("Open ").doesNotContain("replaying the sample files directly");
            REPORT.forEach(file -> assertThat(out.resolve(file)).as(file).isNotEmptyFile());
            assertThat(db.count("market")).isEqualTo(14);
        }
    }

    @Test
    void withNoDatabaseItSaysSoInOneLineAndReplaysTheFiles() {
        CliRun run = CliRun.of("demo", "--out", out.toString(), "--db", "jdbc:postgresql://127.0.0.1:9/kbt?password=hunter2");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().lines().filter(l -> l.contains("replaying the sample files directly")).count()).isEqualTo(1);
        assertThat(run.out() + run.err()).doesNotContain("hunter2");
        REPORT.forEach(file -> assertThat(out.resolve(file)).as(file).isNotEmptyFile());
    }
}
