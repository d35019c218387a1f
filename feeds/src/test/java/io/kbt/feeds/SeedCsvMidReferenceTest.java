package io.kbt.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.engine.event.IndexTick;
import io.kbt.engine.market.Instruments;
import io.kbt.engine.market.Market;
import io.kbt.engine.market.Result;
import io.kbt.engine.market.StrikeType;
import io.kbt.engine.market.TickSize;
import io.kbt.engine.replay.Replay;
import io.kbt.engine.replay.ReplayConfig;
import io.kbt.engine.run.RunListener;
import io.kbt.engine.run.RunResult;
import io.kbt.engine.strategy.BookView;
import io.kbt.engine.strategy.Strategy;
import io.kbt.engine.strategy.StrategyContext;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 3's real-data check: the engine's own book ({@code KalshiBook}, inside the replay loop) rebuilt from the
 * seed CSV gives, at every S&amp;P tick, the {@code Mid} column of apr-10-probability.csv (an empty side counted
 * as 0). Row ID k of the reference belongs to the k-th index tick of the combined file (0-based), whose mid is
 * taken after every row up to and including the tick's own.
 */
class SeedCsvMidReferenceTest {
    private static final String TICKER = "INXD-23APR10-B4075";

    @Test
    void engineBookGivesThePublishersMidAtEverySpxTick() throws IOException {
        List<String> reference = Files.readAllLines(SharedData.file("kalshi-2023-04/apr-10-probability.csv"));
        Market market = new Market(0, TICKER, "INXD-23APR10", "INXD", StrikeType.BETWEEN, 4050, 4099.99, "SPX",
                Long.MIN_VALUE, Instant.parse("2023-04-10T20:00:00Z").toEpochMilli() * 1_000, Result.NO,
                TickSize.CENT);
        Instruments instruments = new Instruments(List.of(market), List.of("SPX"));
        StrategyContext[] context = new StrategyContext[1];
        Strategy watcher = new Strategy() {
            @Override
            public void onStart(StrategyContext c) {
                context[0] = c;
            }

            @Override
            public void onBatch(StrategyContext c) {}
        };
        List<String> mismatches = new ArrayList<>();
        int[] ticks = {-1};
        int[] compared = {0};
        RunListener checker = new RunListener() {
            @Override
            public void onIndex(IndexTick tick) {
                int id = ++ticks[0];
                if (id < 2) {
                    return;
                }
                String[] row = reference.get(id - 1).split(",");
                assertThat(Integer.parseInt(row[0])).isEqualTo(id);
                BookView book = context[0].book(0);
                BigDecimal mid = BigDecimal.valueOf(book.bestYesBid() + book.bestYesAsk()).divide(BigDecimal.TWO);
                compared[0]++;
                if (mid.compareTo(new BigDecimal(row[3])) != 0) {
                    mismatches.add("ID " + id + " at " + row[1] + ": engine " + mid + " (bid " + book.bestYesBid()
                            + ", ask " + book.bestYesAsk() + "), reference " + row[3]);
                }
            }
        };
        RunResult result;
        try (SeedCsvReader reader = new SeedCsvReader(SharedData.file("kalshi-2023-04/apr-10-combined.csv"), TICKER,
                "SPX", new TickerRegistry())) {
            result = Replay.run(instruments, reader, watcher, ReplayConfig.defaults().withReactPerEvent(true),
                    checker);
        }
        assertThat(compared[0]).isEqualTo(reference.size() - 1).isEqualTo(27_511);
        assertThat(mismatches).as("%d of %d mids differ", mismatches.size(), compared[0]).isEmpty();
        assertThat(result.anomalies().clampedLevels()).isZero();
        assertThat(result.anomalies().crossedBooks()).isZero();
    }
}
