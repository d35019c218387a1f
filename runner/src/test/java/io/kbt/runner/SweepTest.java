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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The library sweep streams its shards, yet warns about (or refuses) markets without a book as a backtest does. */
class SweepTest {
    /** 2026-01-05 15:00 New York. */
    private static final long T0 = 1_767_643_200_000_000L;
    private static final Instruments TWO_MARKETS = new Instruments(List.of(market(0, "B6000"), market(1, "B6050")),
            List.of("SPX"));

    private static Market market(int id, String strike) {
        return new Market(id, "INXD-26JAN05-" + strike, "INXD-26JAN05", "INXD", StrikeType.BETWEEN, 5975, 6024.99,
                "SPX", Long.MIN_VALUE, T0 + 3_600_000_000L, Result.YES, TickSize.CENT);
    }

    private static Sweep.Builder over(List<MarketEvent> events, List<String> warnings) {
        return Sweep.builder().data(MarketData.events(TWO_MARKETS, events)).strategy("cauchy")
                .grid("halfSpread", "1", "2").threads(1).warnings(warnings::add);
    }

    @Test
    void aMarketWithTradesButNoBookIsWarnedAboutAsInABacktest() {
        List<MarketEvent> events = List.of(
                new BookSnapshot(T0, 1, 0, List.of(new Level(40, 1_000)), List.of(new Level(40, 1_000))),
                new Trade(T0 + 1_000_000, 2, 1, 40, 500, BookSide.NO));
        List<String> sweepWarnings = new ArrayList<>();
        List<String> backtestWarnings = new ArrayList<>();

        SweepResult sweep = over(events, sweepWarnings).build().run();
        Backtest.builder().data(MarketData.events(TWO_MARKETS, events)).strategy("cauchy")
                .warnings(backtestWarnings::add).build().run();

        assertThat(sweep.outcomes()).hasSize(2);
        assertThat(sweepWarnings).anyMatch(w -> w.contains("INXD-26JAN05-B6050 has trades but no order book"));
        assertThat(sweepWarnings).isEqualTo(backtestWarnings);
    }

    @Test
    void dataWithoutAnyBookIsRefused() {
        List<MarketEvent> tradesOnly = List.of(new Trade(T0, 1, 0, 40, 500, BookSide.NO),
                new Trade(T0 + 1_000_000, 2, 1, 40, 500, BookSide.NO));

        assertThatThrownBy(() -> over(tradesOnly, new ArrayList<>()).build().run())
                .isInstanceOf(InvalidRunException.class)
                .hasMessageContaining("no order-book data in memory");
    }
}
