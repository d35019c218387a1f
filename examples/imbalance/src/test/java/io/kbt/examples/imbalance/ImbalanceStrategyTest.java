package io.kbt.examples.imbalance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kbt.runner.Backtest;
import io.kbt.runner.BacktestResult;
import io.kbt.runner.Sweep;
import io.kbt.runner.SweepResult;
import io.kbt.samples.Samples;
import io.kbt.strategies.BadParameterException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The imbalance strategy on kbt's bundled sample (two synthetic INXD days), through the library API. */
class ImbalanceStrategyTest {
    @TempDir
    Path dir;

    private Backtest.Builder onTheSample() {
        return Backtest.builder()
                .data(Samples.extractTo(dir.resolve("data")))
                .from(Samples.START).to(Samples.lastDay())
                .plugins(getClass().getClassLoader())
                .strategy("imbalance");
    }

    @Test
    void quotesTradesAndRespectsItsPositionLimit() throws Exception {
        BacktestResult run = onTheSample().set("positionLimit", "10").build().report(dir.resolve("report"));

        assertThat(run.strategy()).isEqualTo("imbalance");
        assertThat(run.result().fills()).isPositive();
        assertThat(run.result().maxAbsPosition()).isLessThanOrEqualTo(1_000);
        assertThat(run.params()).containsEntry("positionLimit", "10").containsEntry("halfSpread", "2");
        assertThat(Files.readString(dir.resolve("report/summary.json"))).contains("\"strategy\" : \"imbalance\"");
    }

    @Test
    void aWiderSpreadTradesLess() {
        SweepResult sweep = Sweep.builder()
                .data(Samples.extractTo(dir.resolve("data")))
                .from(Samples.START).to(Samples.lastDay())
                .plugins(getClass().getClassLoader())
                .strategy("imbalance")
                .grid("halfSpread", "1", "6")
                .threads(2)
                .build()
                .run();

        assertThat(sweep.outcomes()).hasSize(2);
        assertThat(sweep.outcomes().get(0).result().fills())
                .isGreaterThan(sweep.outcomes().get(1).result().fills());
    }

    @Test
    void aValueOutsideItsRangeIsRejectedNamingTheKey() {
        assertThatThrownBy(() -> onTheSample().set("halfSpread", "50").build())
                .isInstanceOf(BadParameterException.class)
                .hasMessageContaining("halfSpread");
    }
}
