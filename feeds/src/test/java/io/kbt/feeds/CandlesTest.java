package io.kbt.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kbt.engine.event.BookDelta;
import io.kbt.engine.event.BookSide;
import io.kbt.engine.event.BookSnapshot;
import io.kbt.engine.event.Level;
import io.kbt.engine.event.MarketEvent;
import io.kbt.engine.event.Trade;
import io.kbt.engine.market.TickSize;
import io.kbt.feeds.write.CandlesJsonWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Candles: built from a recorded book, written and read back in Kalshi's shapes, and turned into a book. */
class CandlesTest {
    static final long S = 1_000_000L;

    static List<Candle> threeMinutes() {
        CandlesFromBook builder = new CandlesFromBook(TickSize.CENT);
        builder.accept(new BookSnapshot(10 * S, 1, 0, List.of(new Level(40, 500)), List.of(new Level(55, 300))));
        builder.accept(new BookDelta(70 * S, 2, 0, BookSide.YES, 42, 100));
        builder.accept(new Trade(90 * S, 3, 0, 44, 250, BookSide.YES));
        builder.accept(new BookDelta(120 * S, 4, 0, BookSide.NO, 55, -300));
        builder.accept(new BookDelta(125 * S, 5, 0, BookSide.YES, 42, -100));
        return builder.finish(180 * S);
    }

    @Test
    void candlesFromABookAreTheBestPricesOverEachMinuteEndIncluded() {
        List<Candle> candles = threeMinutes();
        assertThat(candles).extracting(Candle::endTs).containsExactly(60 * S, 120 * S, 180 * S);
        Candle first = candles.get(0);
        assertThat(List.of(first.yesBidOpen(), first.yesBidClose(), first.yesAskOpen(), first.yesAskClose()))
                .containsExactly(40, 40, 45, 45);
        assertThat(first.priceClose()).isEqualTo(Candle.NONE);
        Candle second = candles.get(1);
        // the bid rose to 42 at 70 s; the ask vanished at 120 s, the candle's inclusive end
        assertThat(List.of(second.yesBidOpen(), second.yesBidHigh(), second.yesBidLow(), second.yesBidClose()))
                .containsExactly(40, 42, 40, 42);
        assertThat(second.yesAskClose()).isEqualTo(Candle.NONE);
        assertThat(second.yesAskHigh()).isEqualTo(45);
        assertThat(List.of(second.priceOpen(), second.priceClose())).containsExactly(44, 44);
        assertThat(second.volume()).isEqualTo(250);
        Candle third = candles.get(2);
        assertThat(List.of(third.yesBidOpen(), third.yesBidClose(), third.yesAskClose()))
                .containsExactly(42, 40, Candle.NONE);
    }

    @Test
    void writtenCandlesReadBackTheSameInBothTiersShapes() throws Exception {
        List<Candle> candles = threeMinutes();
        JsonNode page = CandlesJsonWriter.page("M", TickSize.CENT, candles);
        List<JsonNode> nodes = new ArrayList<>();
        page.get("candlesticks").forEach(nodes::add);
        assertThat(new CandlesJsonReader("page", "M", TickSize.CENT, 1).read(nodes)).isEqualTo(candles);
        JsonNode historical = new ObjectMapper().readTree("""
                {"end_period_ts": 60, "yes_bid": {"open": "0.4000", "high": "0.4000", "low": "0.4000", "close": "0.4000"},
                 "yes_ask": {"open": "1.0000", "high": "1.0000", "low": "1.0000", "close": "1.0000"},
                 "price": {"open": null, "high": null, "low": null, "close": null, "mean": null, "previous": null},
                 "volume": "0.00", "open_interest": "12.50"}""");
        Candle c = new CandlesJsonReader("page", "M", TickSize.CENT, 1).read(List.of(historical)).get(0);
        assertThat(List.of(c.yesBidClose(), c.yesAskClose(), c.priceClose())).containsExactly(40, Candle.NONE, Candle.NONE);
        assertThat(c.openInterest()).isEqualTo(1250);
        JsonNode offGrid = new ObjectMapper().readTree("""
                {"end_period_ts": 60, "yes_bid": {"close_dollars": "0.4050"}, "yes_ask": {}, "price": {}}""");
        assertThatThrownBy(() -> new CandlesJsonReader("page", "M", TickSize.CENT, 1).read(List.of(offGrid)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("page:1").hasMessageContaining("tick grid");
    }

    @Test
    void aCandleBookIsASnapshotAtEachCandleEndWhereTheClosesChanged() {
        List<MarketEvent> snapshots = CandleBook.snapshots(3, TickSize.CENT, threeMinutes(), 1000);
        assertThat(snapshots).hasSize(3);
        BookSnapshot first = (BookSnapshot) snapshots.get(0);
        assertThat(first.ts()).isEqualTo(60 * S);
        assertThat(first.seq()).isEqualTo(Long.MAX_VALUE);
        assertThat(first.market()).isEqualTo(3);
        assertThat(first.yesBids()).containsExactly(new Level(40, 1000));
        assertThat(first.noBids()).containsExactly(new Level(55, 1000));
        BookSnapshot second = (BookSnapshot) snapshots.get(1);
        // 120 s: bid 42, no ask; 180 s: bid back to 40, no ask
        assertThat(second.ts()).isEqualTo(120 * S);
        assertThat(second.yesBids()).containsExactly(new Level(42, 1000));
        assertThat(second.noBids()).isEmpty();
        assertThat(((BookSnapshot) snapshots.get(2)).yesBids()).containsExactly(new Level(40, 1000));
        // an unchanged minute makes no snapshot: what we took stays taken
        List<Candle> repeated = new ArrayList<>(threeMinutes());
        Candle last = repeated.get(2);
        repeated.add(new Candle(240 * S, 1, 40, 40, 40, 40, Candle.NONE, Candle.NONE, Candle.NONE, Candle.NONE,
                Candle.NONE, Candle.NONE, Candle.NONE, Candle.NONE, 0, 0));
        assertThat(last.yesBidClose()).isEqualTo(40);
        assertThat(CandleBook.snapshots(3, TickSize.CENT, repeated, 1000)).hasSize(3);
    }
}
