package io.kbt.db.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.db.Database;
import io.kbt.db.testing.TestDatabase;
import io.kbt.engine.market.Instruments;
import io.kbt.engine.market.Market;
import io.kbt.engine.market.Result;
import io.kbt.engine.market.StrikeType;
import io.kbt.engine.market.TickSize;
import io.kbt.engine.run.Action;
import io.kbt.engine.run.BookAnomalies;
import io.kbt.engine.run.Fill;
import io.kbt.engine.run.FillRule;
import io.kbt.engine.run.Liquidity;
import io.kbt.engine.run.MarketSummary;
import io.kbt.engine.run.RunResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import org.jooq.Record;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RunStoreTest {
    static TestDatabase testDb;
    static Database db;

    @BeforeAll
    static void create() {
        testDb = TestDatabase.create(RunStoreTest.class);
        db = testDb.open();
    }

    @AfterAll
    static void drop() {
        db.close();
        testDb.close();
    }

    @Test
    void aSweepsRunsCanBeComparedWithSql() {
        Market market = new Market(0, "INXD-23APR10-B4075", "INXD-23APR10", "INXD", StrikeType.BETWEEN, 4050,
                4099.99, "SPX", 0, 1, Result.NO, TickSize.CENT);
        Instruments instruments = new Instruments(List.of(market), List.of("SPX"));
        RunStore store = new RunStore(db);
        for (int spread = 2; spread <= 4; spread++) {
            List<Fill> fills = List.of(
                    new Fill(1_681_133_462_000_000L, 0, Action.BUY, 60, 552, 0, Liquidity.MAKER, 552, 7, FillRule.QUEUE),
                    new Fill(1_681_133_463_000_000L, 0, Action.SELL, 60 + spread, 552, 10_000, Liquidity.TAKER, 0, 9,
                            FillRule.TAKE));
            long pnl = 552L * spread * 100 - 10_000;
            RunResult result = new RunResult(List.of(new MarketSummary(0, market.ticker(), Result.NO, pnl, 2, 1104, 0,
                    10_000)), 1000, 2, 1104, 552L * (120 + spread) * 100, 10_000, pnl, 0, 552, 331_200, 10, 8,
                    new BookAnomalies(0, 0, 0), 5_000_000);
            store.save(new RunDescription("cauchy", "{\"spread\": " + spread + "}", LocalDate.of(2023, 4, 10),
                    LocalDate.of(2023, 4, 10), "risk-averse", "kalshi-2023", "sweep-1"), instruments, result, fills);
        }
        Record best = db.dsl().fetchOne("""
                select r.params->>'spread' as spread, r.pnl_micros, count(f.*) as fills, sum(f.count) as contracts
                from backtest_run r join run_fill f on f.run_id = r.id
                where r.sweep = 'sweep-1' group by r.id order by r.pnl_micros desc limit 1""");
        assertThat(best.get("spread", String.class)).isEqualTo("4");
        assertThat(best.get("pnl_micros", Long.class)).isEqualTo(552L * 4 * 100 - 10_000);
        assertThat(best.get("fills", Long.class)).isEqualTo(2);
        assertThat(best.get("contracts", Long.class)).isEqualTo(1104);
        Record fill = db.dsl().fetchOne("select ticker, action, liquidity, rule, price, position_after from run_fill"
                + " where run_id = (select max(id) from backtest_run where sweep = 'sweep-1') order by ts limit 1");
        assertThat(fill.intoList()).containsExactly("INXD-23APR10-B4075", "buy", "maker", "queue", 60, 552L);
        assertThat(testDb.count("run_market where run_id in (select id from backtest_run where sweep = 'sweep-1')"))
                .isEqualTo(3);
    }

    @Test
    @Timeout(120)
    void runsSavedFromEveryCommonPoolWorkerAtOnceAllGetStored() {
        // Each save pipes its fills to COPY from a writer thread; were that writer a common-pool task, saves that
        // occupy every common-pool worker would wait forever for writers queued behind them.
        Market market = new Market(0, "INXD-23APR10-B4075", "INXD-23APR10", "INXD", StrikeType.BETWEEN, 4050,
                4099.99, "SPX", 0, 1, Result.NO, TickSize.CENT);
        Instruments instruments = new Instruments(List.of(market), List.of("SPX"));
        List<Fill> fills = List.of(
                new Fill(1_681_133_462_000_000L, 0, Action.BUY, 60, 552, 0, Liquidity.MAKER, 552, 7, FillRule.QUEUE));
        RunResult result = new RunResult(List.of(new MarketSummary(0, market.ticker(), Result.NO, 0, 1, 552, 552, 0)),
                10, 1, 552, 331_200, 0, 0, 0, 552, 331_200, 1, 0, new BookAnomalies(0, 0, 0), 1_000_000);
        int workers = ForkJoinPool.getCommonPoolParallelism();
        List<CompletableFuture<Long>> saves = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            saves.add(CompletableFuture.supplyAsync(() -> new RunStore(db).save(new RunDescription("cauchy", "{}",
                    LocalDate.of(2023, 4, 10), LocalDate.of(2023, 4, 10), "risk-averse", "none", "common-pool"),
                    instruments, result, fills)));
        }
        saves.forEach(CompletableFuture::join);
        assertThat(testDb.count("backtest_run where sweep = 'common-pool'")).isEqualTo(workers);
        assertThat(testDb.count("run_fill where run_id in (select id from backtest_run where sweep = 'common-pool')"))
                .isEqualTo(workers);
    }
}
