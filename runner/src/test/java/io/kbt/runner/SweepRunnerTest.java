package io.kbt.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.engine.event.DataSet;
import io.kbt.engine.market.Selection;
import io.kbt.engine.replay.ReplayConfig;
import io.kbt.engine.run.RunListener;
import io.kbt.feeds.DataDirectory;
import io.kbt.strategies.StrategyCatalog;
import io.kbt.strategies.StrategySpec;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** A sweep decodes the market data once and replays that one copy for every parameter set, in parallel. */
class SweepRunnerTest {
    private static final Path REAL_DAY = Path.of(System.getProperty("kbt.sharedData"), "kalshi-2023-04");
    private static final LocalDate DAY = LocalDate.of(2023, 4, 10);

    @Test
    void nineSetsOnTwoThreadsReadTheDataOnceAndEqualSeparateRuns() {
        AtomicInteger opens = new AtomicInteger();
        DataDirectory files = new DataDirectory(REAL_DAY);
        Function<Selection, DataSet> counting = selection -> {
            opens.incrementAndGet();
            return files.open(selection);
        };
        LoadedData data = LoadedData.load(counting, new Selection(List.of(), List.of(), DAY, DAY), "test");
        Backtester backtester = new Backtester(data, ReplayConfig.defaults());
        StrategySpec base = StrategyCatalog.builtIn().spec("cauchy", Map.of("preset", "seed"));
        var points = Grid.parse(List.of("halfSpread=1,2,3", "skew=0,0.1,0.2")).points();

        List<SweepRunner.Outcome> outcomes = new SweepRunner(backtester, 2, false).run(base, points, (done, total) -> { });

        assertThat(opens).hasValue(1);
        assertThat(outcomes).hasSize(9);
        for (SweepRunner.Outcome outcome : outcomes) {
            var alone = new Backtester(LoadedData.load(files::open, new Selection(List.of(), List.of(), DAY, DAY), "again"),
                    ReplayConfig.defaults()).run(base.with(outcome.params()), RunListener.NONE);
            assertThat(outcome.result().events()).isEqualTo(alone.events());
            assertThat(outcome.result().pnlMicros()).as(outcome.params().toString()).isEqualTo(alone.pnlMicros());
            assertThat(outcome.result().fills()).isEqualTo(alone.fills());
        }
        assertThat(outcomes.stream().map(o -> o.result().fills()).distinct().count())
                .as("the swept parameters change the outcome").isGreaterThan(1);
    }
}
