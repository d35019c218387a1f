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
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CellRunTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 1, 5);

    @TempDir
    Path dir;

    /**
     * A cell keeps figures and fills, no time series, so its strategy is told fair values are not recorded and may
     * skip computing them exactly (the reference strategy's fast path, several times cheaper, same quotes).
     */
    @Test
    void aCellsStrategyIsToldNoFairValuesAreRecorded() {
        new Generator(GeneratorConfig.of(MONDAY, 1, 3, 7)).writeTo(dir, false);
        Set<Boolean> recorded = ConcurrentHashMap.newKeySet();
        Selection day = new Selection(List.of(), List.of(), MONDAY, MONDAY);
        try (DataSet data = new DataDirectory(dir).open(day)) {
            ShardPlan plan = ShardPlan.of(data.instruments(), day, false);
            ShardData shard = new ShardStream(plan, data).next();
            CellRun.run(shard, 0, StrategyCatalog.of(List.of(new Probe(recorded))).spec("probe", Map.of()),
                    ReplayConfig.defaults(), true);
        }
        assertThat(recorded).containsExactly(false);
    }

    /** Quotes nothing; notes on every batch whether the run records fair values. */
    private record Probe(Set<Boolean> recorded) implements StrategyProvider {
        @Override
        public String name() {
            return "probe";
        }

        @Override
        public String description() {
            return "notes whether fair values are recorded";
        }

        @Override
        public List<StrategyParameter> parameters() {
            return List.of();
        }

        @Override
        public Strategy create(StrategyParams params, Instruments instruments) {
            return context -> recorded.add(context.fairRecorded());
        }
    }
}
