package io.kbt.runner.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.db.Database;
import io.kbt.db.history.CandleBooks;
import io.kbt.db.imports.EventImporter;
import io.kbt.db.imports.ImportProgress;
import io.kbt.db.imports.Imports;
import io.kbt.db.imports.MarketsImporter;
import io.kbt.db.replay.StoredData;
import io.kbt.db.testing.TestDatabase;
import io.kbt.engine.market.Selection;
import io.kbt.engine.replay.ReplayConfig;
import io.kbt.engine.run.RunResult;
import io.kbt.samples.GeneratedFiles;
import io.kbt.samples.Generator;
import io.kbt.samples.GeneratorConfig;
import io.kbt.strategies.StrategyCatalog;
import io.kbt.strategies.StrategySpec;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From PostgreSQL: the one-pass sharded sweep equals the unsharded one, and a worker that loads a single shard
 * with its own query (as a Spark executor does) computes the same cells.
 */
class StoredShardsTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 1, 5);
    private static final Selection RANGE = new Selection(List.of("INXD"), List.of(), MONDAY, MONDAY.plusDays(3));

    @TempDir
    static Path dir;

    static TestDatabase testDb;
    static Database db;

    @BeforeAll
    static void importDays() {
        new Generator(GeneratorConfig.of(MONDAY, 3, 3, 13)).writeTo(dir, false);
        testDb = TestDatabase.create(StoredShardsTest.class);
        db = testDb.open();
        new MarketsImporter(db).importFile(dir.resolve(GeneratedFiles.MARKETS));
        new EventImporter(db, ImportProgress.NONE).importFile(Imports.kalshiWs(dir.resolve(GeneratedFiles.WEBSOCKET)));
        new EventImporter(db, ImportProgress.NONE).importFile(Imports.index(dir.resolve(GeneratedFiles.INDEX), "SPX"));
    }

    @AfterAll
    static void drop() {
        db.close();
        testDb.close();
    }

    @Test
    void shardedUnshardedAndPerShardLoadsAgree() {
        List<Map<String, String>> sets = List.of(Map.of("halfSpread", "1"), Map.of("halfSpread", "3"));
        StrategySpec base = StrategyCatalog.builtIn().spec("cauchy", Map.of("preset", "seed"));
        List<StrategySpec> specs = sets.stream().map(base::with).toList();
        StoredData stored = new StoredData(db);

        ShardedSweep.Result sharded = ShardedSweep.run(stored::open, RANGE, sets, specs, ReplayConfig.defaults(), 2,
                false, ShardedSweep.Sharding.AUTO, plan -> { }, (done, total) -> { });
        ShardedSweep.Result whole = ShardedSweep.run(stored::open, RANGE, sets, specs, ReplayConfig.defaults(), 2,
                false, ShardedSweep.Sharding.OFF, plan -> { }, (done, total) -> { });

        assertThat(sharded.plan().shards()).hasSize(3);
        assertThat(whole.plan().shards()).hasSize(1);
        SweepJob job = new SweepJob(SweepJob.Stored.of(testDb.url(), CandleBooks.Mode.RECORDED, 0),
                sharded.plan().shards(),
                sharded.instruments().markets().stream().map(m -> m.ticker()).toList(), "cauchy",
                specs.stream().map(StrategySpec::params).toList(), "risk-averse", "standard", false);
        for (int set = 0; set < sets.size(); set++) {
            assertThat(withoutTime(sharded.outcome().matrix().total(set)))
                    .isEqualTo(withoutTime(whole.outcome().matrix().total(set)));
        }
        for (int shard = 0; shard < 3; shard++) {
            List<CellResult> alone = job.runCells(job.loadShard(shard), 0, sets.size());
            for (CellResult cell : alone) {
                CellResult expected = sharded.outcome().matrix().cell(cell.set(), shard);
                assertThat(cell.pnlMicros()).isEqualTo(expected.pnlMicros());
                assertThat(cell.fills()).isEqualTo(expected.fills());
                assertThat(cell.events()).isEqualTo(expected.events());
                assertThat(cell.markets()).isEqualTo(expected.markets());
                assertThat(cell.maxDrawdownMicros()).isEqualTo(expected.maxDrawdownMicros());
            }
        }
        assertThat(sharded.outcome().matrix().total(0).fills()).isPositive();
    }

    private static RunResult withoutTime(RunResult r) {
        return new RunResult(r.markets(), r.events(), r.fills(), r.contracts(), r.volumeMicros(), r.feesMicros(),
                r.pnlMicros(), r.maxDrawdownMicros(), r.maxAbsPosition(), r.peakCapitalMicros(), r.ordersSent(),
                r.cancelsSent(), r.anomalies(), 0);
    }
}
