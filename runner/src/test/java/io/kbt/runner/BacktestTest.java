package io.kbt.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kbt.engine.event.BookSide;
import io.kbt.engine.event.BookSnapshot;
import io.kbt.engine.event.Level;
import io.kbt.engine.event.MarketEvent;
import io.kbt.engine.event.Trade;
import io.kbt.engine.market.Instruments;
import io.kbt.engine.market.Market;
import io.kbt.engine.market.Result;
import io.kbt.engine.market.StrikeType;
import io.kbt.engine.market.TickSize;
import io.kbt.engine.strategy.Quote;
import io.kbt.engine.strategy.Strategy;
import io.kbt.strategies.BadParameterException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library API on events in memory: a strategy built in code, a report, and a strategy that throws. */
class BacktestTest {
    /** 2026-01-05 15:00 New York. */
    private static final long T0 = 1_767_643_200_000_000L;
    private static final Market MARKET = new Market(0, "INXD-26JAN05-B6000", "INXD-26JAN05", "INXD",
            StrikeType.BETWEEN, 5975, 6024.99, "SPX", Long.MIN_VALUE, T0 + 3_600_000_000L, Result.YES, TickSize.CENT);
    private static final Instruments INSTRUMENTS = new Instruments(List.of(MARKET), List.of("SPX"));
    /** A book 40/60, then a taker selling 5 yes at 40 into the bids: we bid 41, so we buy 5 at 41. */
    private static final List<MarketEvent> EVENTS = List.of(
            new BookSnapshot(T0, 1, 0, List.of(new Level(40, 1_000)), List.of(new Level(40, 1_000))),
            new Trade(T0 + 1_000_000, 2, 0, 40, 500, BookSide.NO));

    @TempDir
    Path dir;

    private static Strategy bidAt41() {
        return context -> context.quote(0, new Quote(41, 500, 0, 0, true));
    }

    @Test
    void aStrategyBuiltInCodeRunsOnEventsInMemory() throws Exception {
        Backtest backtest = Backtest.builder()
                .data(MarketData.events(INSTRUMENTS, EVENTS))
                .strategy("bid41", instruments -> bidAt41())
                .fees("none")
                .build();

        BacktestResult run = backtest.run();
        BacktestResult reported = backtest.report(dir.resolve("report"));

        assertThat(run.strategy()).isEqualTo("bid41");
        assertThat(run.selection().from()).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(run.result().fills()).isEqualTo(1);
        assertThat(run.result().contracts()).isEqualTo(500);
        // 5 yes bought at 41¢ settle YES at $1: +$2.95.
        assertThat(run.result().pnlMicros()).isEqualTo(2_950_000);
        assertThat(reported.result().pnlMicros()).isEqualTo(run.result().pnlMicros());
        assertThat(reported.index()).isEqualTo(dir.resolve("report/index.html"));
        assertThat(Files.readString(dir.resolve("report/summary.json"))).contains("\"strategy\" : \"bid41\"");
        assertThat(run.runId()).isNull();
    }

    @Test
    void theStrategySeesNoResultBeforeSettlement() {
        BacktestResult run = Backtest.builder()
                .data(MarketData.events(INSTRUMENTS, EVENTS))
                .strategy("peek", instruments -> {
                    assertThat(instruments.market(0).result()).isEqualTo(Result.UNKNOWN);
                    return context -> assertThat(context.instruments().market(0).result()).isEqualTo(Result.UNKNOWN);
                })
                .build()
                .run();

        assertThat(run.instruments().market(0).result()).isEqualTo(Result.YES);
    }

    @Test
    void aThrowingStrategyNamesItselfTheMarketAndTheReplayTime() {
        Backtest backtest = Backtest.builder()
                .data(MarketData.events(INSTRUMENTS, EVENTS))
                .strategy("fragile", instruments -> context -> {
                    if (context.book(0).bestYesBid() == 40 && context.now() > T0) {
                        throw new ArithmeticException("/ by zero");
                    }
                })
                .build();

        assertThatThrownBy(backtest::run)
                .isInstanceOf(StrategyFailedException.class)
                .hasMessage("strategy fragile failed in onBatch on INXD-26JAN05-B6000 at 2026-01-05T20:00:01Z: "
                        + "ArithmeticException: / by zero")
                .satisfies(e -> assertThat(((StrategyFailedException) e).replayTime()).isEqualTo(T0 + 1_000_000));
    }

    @Test
    void mistakesAreReportedWhenTheRunIsBuilt() {
        assertThatThrownBy(() -> Backtest.builder().strategy("cauchy").build())
                .isInstanceOf(InvalidRunException.class).hasMessageContaining("no market data");
        assertThatThrownBy(() -> Backtest.builder().data(dir).strategy("cauchy").set("halfSpred", "1").build())
                .isInstanceOf(BadParameterException.class).hasMessageContaining("halfSpred");
        assertThatThrownBy(() -> Backtest.builder().data(dir).queueModel("fifo").build())
                .isInstanceOf(InvalidRunException.class).hasMessageContaining("unknown queue model 'fifo'");
        assertThatThrownBy(() -> Backtest.builder().data(dir).build().run())
                .isInstanceOf(InvalidRunException.class).hasMessageContaining("--from");
    }
}
