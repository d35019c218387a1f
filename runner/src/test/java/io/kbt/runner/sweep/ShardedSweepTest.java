package io.kbt.runner.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.engine.market.Selection;
import io.kbt.engine.replay.Replay;
import io.kbt.engine.replay.ReplayConfig;
import io.kbt.engine.run.Fill;
import io.kbt.engine.run.RunListener;
import io.kbt.engine.run.RunResult;
import io.kbt.feeds.DataDirectory;
import io.kbt.engine.event.DataSet;
import io.kbt.samples.Generator;
import io.kbt.samples.GeneratorConfig;
import io.kbt.strategies.StrategyCatalog;
import io.kbt.strategies.StrategySpec;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sharded sweep's per-set totals equal one unsharded run over the whole range, figure for figure. */
class ShardedSweepTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 1, 5);
    private static final Selection WEEK = new Selection(List.of(), List.of(), MONDAY, MONDAY.plusDays(6));

    @TempDir
    static Path dir;

    @BeforeAll
    static void generate() {
        new Generator(GeneratorConfig.of(MONDAY, 4, 3, 7)).writeTo(dir, false);
    }

    static List<Map<String, String>> sets() {
        List<Map<String, String>> sets = new ArrayList<>();
        for (String halfSpread : List.of("1", "3")) {
            for (String skew : List.of("0", "0.2")) {
                Map<String, String> set = new LinkedHashMap<>();
                set.put("halfSpread", halfSpread);
                set.put("skew", skew);
                sets.add(set);
            }
        }
        return sets;
    }

    @Test
    void shardTotalsEqualTheUnshardedRunAndCellsAreDays() {
        StrategySpec base = StrategyCatalog.builtIn().spec("cauchy", Map.of("preset", "seed"));
        List<Map<String, String>> sets = sets();
        List<StrategySpec> specs = sets.stream().map(base::with).toList();
        DataDirectory files = new DataDirectory(dir);

        ShardedSweep.Result sweep = ShardedSweep.run(files::open, WEEK, sets, specs, ReplayConfig.defaults(), 2, true,
                ShardedSweep.Sharding.AUTO, plan -> { }, (done, total) -> { });

        assertThat(sweep.plan().notices()).isEmpty();
        assertThat(sweep.outcome().matrix().days()).containsExactly(MONDAY, MONDAY.plusDays(1), MONDAY.plusDays(2),
                WEEK.to());
        for (int set = 0; set < sets.size(); set++) {
            List<Fill> fills = new ArrayList<>();
            RunResult whole;
            try (DataSet data = files.open(WEEK)) {
                whole = Replay.run(data.instruments(), data.events(), specs.get(set).newStrategy(data.instruments()),
                        ReplayConfig.defaults(), new RunListener() {
                            @Override
                            public void onFill(Fill fill) {
                                fills.add(fill);
                            }
                        });
            }
            RunResult total = sweep.outcome().matrix().total(set);
            assertThat(withoutTime(total)).as(sets.get(set).toString()).isEqualTo(withoutTime(whole));
            assertThat(sweep.outcome().fills().get(set)).isEqualTo(fills);
            long daySum = 0;
            for (int day = 0; day < 4; day++) {
                daySum += sweep.outcome().matrix().cell(set, day).pnlMicros();
            }
            assertThat(daySum).isEqualTo(whole.pnlMicros());
            assertThat(whole.fills()).as("the strategy trades, so the comparison means something").isPositive();
        }
    }

    @Test
    void aLossStopMakesTheSweepUnshardedWithANotice() {
        StrategySpec stopped = StrategyCatalog.builtIn().spec("cauchy", Map.of("preset", "seed", "maxLossCents", "500"));
        ShardedSweep.Result sweep = ShardedSweep.run(new DataDirectory(dir)::open, WEEK, List.of(Map.of()),
                List.of(stopped), ReplayConfig.defaults(), 1, false, ShardedSweep.Sharding.AUTO, plan -> { }, (done, total) -> { });

        assertThat(sweep.plan().shards()).hasSize(1);
        assertThat(sweep.plan().notices()).singleElement().asString().contains("unsharded");
    }

    private static RunResult withoutTime(RunResult r) {
        return new RunResult(r.markets(), r.events(), r.fills(), r.contracts(), r.volumeMicros(), r.feesMicros(),
                r.pnlMicros(), r.maxDrawdownMicros(), r.maxAbsPosition(), r.peakCapitalMicros(), r.ordersSent(),
                r.cancelsSent(), r.anomalies(), 0);
    }
}
