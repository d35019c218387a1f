package io.kbt.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.engine.market.Selection;
import io.kbt.engine.replay.ReplayConfig;
import io.kbt.feeds.DataDirectory;
import io.kbt.runner.sweep.CellResult;
import io.kbt.runner.sweep.ShardedSweep;
import io.kbt.runner.sweep.SweepJob;
import io.kbt.runner.sweep.SweepMatrix;
import io.kbt.samples.Generator;
import io.kbt.samples.GeneratorConfig;
import io.kbt.strategies.StrategyCatalog;
import io.kbt.strategies.StrategySpec;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Generated days, the same sweep run locally, and the job that runs it remotely; shared by the Spark tests. */
final class SweepFixture {
    static final LocalDate MONDAY = LocalDate.of(2026, 1, 5);

    final Path data;
    final Selection selection;
    final List<Map<String, String>> sets;
    final List<StrategySpec> specs;
    final ShardedSweep.Result local;
    final SweepJob job;

    SweepFixture(Path dir, int days) {
        data = dir.resolve("data");
        new Generator(GeneratorConfig.of(MONDAY, days, 3, 5)).writeTo(data, false);
        selection = new Selection(List.of(), List.of(), MONDAY, MONDAY.plusDays(days + 2));
        sets = List.of(Map.of("halfSpread", "1"), Map.of("halfSpread", "2"), Map.of("halfSpread", "3", "skew", "0.2"));
        StrategySpec base = StrategyCatalog.builtIn().spec("cauchy", Map.of("preset", "seed"));
        specs = sets.stream().map(base::with).toList();
        local = ShardedSweep.run(new DataDirectory(data)::open, selection, sets, specs, ReplayConfig.defaults(), 2,
                false, ShardedSweep.Sharding.AUTO, plan -> { }, (done, total) -> { });
        job = new SweepJob(new SweepJob.Files(data.toString()), local.plan().shards(),
                local.instruments().markets().stream().map(m -> m.ticker()).toList(), "cauchy",
                specs.stream().map(StrategySpec::params).toList(), "risk-averse", "standard", false);
    }

    /** Every cell of {@code remote} equals the local sweep's, figure for figure (replay time aside). */
    void assertSameAsLocal(SweepMatrix remote) {
        SweepMatrix expected = local.outcome().matrix();
        assertThat(remote.shards()).isEqualTo(expected.shards());
        for (int set = 0; set < sets.size(); set++) {
            for (int shard = 0; shard < expected.shards().size(); shard++) {
                assertThat(withoutTime(remote.cell(set, shard))).isEqualTo(withoutTime(expected.cell(set, shard)));
            }
        }
        assertThat(expected.cell(0, 0).fills()).as("the sweep trades").isPositive();
    }

    private static CellResult withoutTime(CellResult c) {
        return new CellResult(c.set(), c.shard(), c.events(), c.fills(), c.contracts(), c.volumeMicros(),
                c.feesMicros(), c.pnlMicros(), c.maxDrawdownMicros(), c.maxAbsPosition(), c.peakCapitalMicros(),
                c.ordersSent(), c.cancelsSent(), c.clampedLevels(), c.crossedBooks(), c.skippedEvents(), 0,
                c.peakMicros(), c.troughMicros(), c.markets());
    }
}
