package io.kbt.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.engine.market.Market;
import io.kbt.engine.market.Result;
import io.kbt.engine.market.StrikeType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TradingCalendarAndEventTest {
    @Test
    void weekendsAreSkipped() {
        assertThat(TradingDays.from(LocalDate.of(2026, 3, 6), 3))
                .containsExactly(LocalDate.of(2026, 3, 6), LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 10));
        assertThat(TradingDays.from(LocalDate.of(2026, 3, 7), 1)).containsExactly(LocalDate.of(2026, 3, 9));
    }

    @Test
    void sessionsRunFromNineThirtyToFourNewYorkTimeAcrossDaylightSaving() {
        assertThat(Instant.ofEpochSecond(TradingDays.openMicros(LocalDate.of(2026, 3, 6)) / 1_000_000))
                .isEqualTo(Instant.parse("2026-03-06T14:30:00Z"));
        assertThat(Instant.ofEpochSecond(TradingDays.openMicros(LocalDate.of(2026, 3, 9)) / 1_000_000))
                .isEqualTo(Instant.parse("2026-03-09T13:30:00Z"));
        assertThat(Instant.ofEpochSecond(TradingDays.closeMicros(LocalDate.of(2026, 3, 9)) / 1_000_000))
                .isEqualTo(Instant.parse("2026-03-09T20:00:00Z"));
    }

    @Test
    void anEventHasTwentyFivePointBracketsAroundTheOpenAndTwoTails() {
        // open 6003.20 lies in the 6000-6024.99 bracket, the middle one of five; close 6051.37 in 6050-6074.99
        List<Market> markets = InxdEvent.markets(LocalDate.of(2026, 1, 5), 5, 6003.2, 605_137, 10);
        assertThat(markets).extracting(Market::ticker).containsExactly("INXD-26JAN05-T5950", "INXD-26JAN05-B5962",
                "INXD-26JAN05-B5987", "INXD-26JAN05-B6012", "INXD-26JAN05-B6037", "INXD-26JAN05-B6062",
                "INXD-26JAN05-T6074.99");
        assertThat(markets).extracting(Market::id).containsExactly(10, 11, 12, 13, 14, 15, 16);
        assertThat(markets).allSatisfy(m -> {
            assertThat(m.eventTicker()).isEqualTo("INXD-26JAN05");
            assertThat(m.seriesTicker()).isEqualTo("INXD");
            assertThat(m.underlying()).isEqualTo("SPX");
            assertThat(Instant.ofEpochSecond(m.closeTime() / 1_000_000)).isEqualTo(Instant.parse("2026-01-05T21:00:00Z"));
        });
        assertThat(markets.get(0).strikeType()).isEqualTo(StrikeType.LESS);
        assertThat(markets.get(0).capStrike()).isEqualTo(5950);
        assertThat(markets.get(3).strikeType()).isEqualTo(StrikeType.BETWEEN);
        assertThat(markets.get(3).floorStrike()).isEqualTo(6000);
        assertThat(markets.get(3).capStrike()).isEqualTo(6024.99);
        assertThat(markets.get(6).strikeType()).isEqualTo(StrikeType.GREATER);
        assertThat(markets.get(6).floorStrike()).isEqualTo(6074.99);
        assertThat(markets).extracting(Market::result).containsExactly(Result.NO, Result.NO, Result.NO, Result.NO,
                Result.NO, Result.YES, Result.NO);
    }

    @Test
    void closesOnAStrikeSettleByKalshisInclusiveBounds() {
        LocalDate day = LocalDate.of(2026, 1, 5);
        // 6000.00 is the floor of B6012 (included); 5999.99 is the cap of B5987; 6074.99 is not above the top cap
        assertThat(InxdEvent.markets(day, 5, 6003.2, 600_000, 0).get(3).result()).isEqualTo(Result.YES);
        assertThat(InxdEvent.markets(day, 5, 6003.2, 599_999, 0).get(2).result()).isEqualTo(Result.YES);
        assertThat(InxdEvent.markets(day, 5, 6003.2, 607_499, 0).get(5).result()).isEqualTo(Result.YES);
        assertThat(InxdEvent.markets(day, 5, 6003.2, 607_500, 0).get(6).result()).isEqualTo(Result.YES);
        assertThat(InxdEvent.markets(day, 5, 6003.2, 594_999, 0).get(0).result()).isEqualTo(Result.YES);
    }
}
