package io.kbt.runner.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.engine.event.DataSet;
import io.kbt.engine.market.Instruments;
import io.kbt.engine.market.Selection;
import io.kbt.engine.replay.ReplayConfig;
import io.kbt.engine.strategy.Strategy;
import io.kbt.engine.strategy.StrategyContext;
import io.kbt.engine.strategy.StrategyParameter;
import io.kbt.engine.strategy.StrategyParams;
import io.kbt.engine.strategy.StrategyProvider;
import io.kbt.feeds.DataDirectory;
import io.kbt.samples.Generator;
import io.kbt.samples.GeneratorConfig;
import io.kbt.strategies.StrategyCatalog;
import io.kbt.strategies.StrategySpec;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the local sweep schedules its cells over the workers. */
class LocalSweepTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 1, 5);

    @TempDir
    Path dir;

    /**
     * With one set and two workers, the second shard's cell must start while the first shard's is still running:
     * each cell's strategy waits at a two-party latch, which only opens when two cells run at once. Had the sweep
     * waited for a shard's cells before queueing the next shard's, the first cell would wait out the timeout alone.
     */
    @Test
    void theNextShardsCellsRunBesideTheLastCellsOfTheShardBefore() throws Exception {
        new Generator(GeneratorConfig.of(MONDAY, 3, 3, 7)).writeTo(dir, false);
        CountDownLatch bothRunning = new CountDownLatch(2);
        ConcurrentLinkedQueue<Boolean> met = new ConcurrentLinkedQueue<>();
        StrategySpec meet = StrategyCatalog.of(List.of(new Meeting(bothRunning, met))).spec("meet", Map.of());
        Selection days = new Selection(List.of(), List.of(), MONDAY, MONDAY.plusDays(2));

        SweepMatrix matrix;
        try (DataSet data = new DataDirectory(dir).open(days)) {
            ShardPlan plan = ShardPlan.of(data.instruments(), days, false);
            assertThat(plan.shards()).hasSize(3);
            matrix = new LocalSweep(2, ReplayConfig.defaults(), false).run(new ShardStream(plan, data), plan.shards(),
                    List.of(Map.of()), List.of(meet), (done, total) -> { }).matrix();
        }

        assertThat(met).containsExactly(true, true, true);
        assertThat(matrix.days()).hasSize(3);
    }

    /** A strategy that quotes nothing and, when built for a cell, waits until another cell's is built too. */
    private record Meeting(CountDownLatch bothRunning, ConcurrentLinkedQueue<Boolean> met) implements StrategyProvider {
        @Override
        public String name() {
            return "meet";
        }

        @Override
        public String description() {
            return "waits for a second cell";
        }

        @Override
        public List<StrategyParameter> parameters() {
            return List.of();
        }

        @Override
        public Strategy create(StrategyParams params, Instruments instruments) {
            bothRunning.countDown();
            try {
                met.add(bothRunning.await(60, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                met.add(false);
            }
            return new Strategy() {
                @Override
                public void onBatch(StrategyContext context) {}
            };
        }
    }
}
