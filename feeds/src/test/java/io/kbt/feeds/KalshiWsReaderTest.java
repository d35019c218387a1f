package io.kbt.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.engine.event.BookDelta;
import io.kbt.engine.event.BookSide;
import io.kbt.engine.event.BookSnapshot;
import io.kbt.engine.event.Level;
import io.kbt.engine.event.MarketEvent;
import io.kbt.engine.event.Trade;
import io.kbt.engine.market.TickSize;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KalshiWsReaderTest {
    private static final String M = "INXD-23APR10-B4075";
    // 2023-04-10T14:00:00Z
    private static final long T0_SECONDS = 1_681_135_200L;
    private static final long T0 = T0_SECONDS * 1_000_000;

    @TempDir
    Path dir;

    private static String snapshotOld(int seq, String ticker) {
        return "{\"type\":\"orderbook_snapshot\",\"sid\":1,\"seq\":" + seq + ",\"msg\":{\"market_ticker\":\"" + ticker
                + "\",\"yes\":[[40,10],[41,3]],\"no\":[[55,7]]}}";
    }

    private static String deltaOld(int seq, String ticker, int price, int delta, String side, long ts) {
        return "{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":" + seq + ",\"msg\":{\"market_ticker\":\"" + ticker
                + "\",\"price\":" + price + ",\"delta\":" + delta + ",\"side\":\"" + side + "\",\"ts\":" + ts + "}}";
    }

    private static String deltaNew(int seq, String ticker, String price, String delta, String ts) {
        return "{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":" + seq + ",\"msg\":{\"market_ticker\":\"" + ticker
                + "\",\"price_dollars\":\"" + price + "\",\"delta_fp\":\"" + delta
                + "\",\"side\":\"yes\",\"ts\":\"" + ts + "\"}}";
    }

    @Test
    void readsTheOlderIntegerFieldsAsHundredthsOfAContractAndWholeCents() {
        Path file = TestFiles.write(dir, "old.jsonl",
                snapshotOld(1, M),
                deltaOld(2, M, 42, -2, "no", T0_SECONDS),
                "{\"type\":\"trade\",\"sid\":2,\"seq\":1,\"msg\":{\"trade_id\":\"t1\",\"market_ticker\":\"" + M
                        + "\",\"yes_price\":41,\"no_price\":59,\"count\":3,\"taker_side\":\"no\",\"ts\":"
                        + (T0_SECONDS + 1) + "}}");
        TickerRegistry registry = new TickerRegistry();
        List<MarketEvent> events = TestFiles.readAll(new KalshiWsReader(file, registry));
        int id = registry.marketId(M);
        assertThat(events).containsExactly(
                new BookSnapshot(T0, 1, id, List.of(new Level(40, 1_000), new Level(41, 300)),
                        List.of(new Level(55, 700))),
                new BookDelta(T0, 2, id, BookSide.NO, 42, -200),
                new Trade(T0 + 1_000_000, 3, id, 41, 300, BookSide.NO));
    }

    @Test
    void readsTheNewerDollarStringsAndFixedPointCountsMixedWithTheOlderOnes() {
        Path file = TestFiles.write(dir, "mixed.jsonl",
                "{\"type\":\"orderbook_snapshot\",\"sid\":1,\"seq\":1,\"msg\":{\"market_ticker\":\"" + M
                        + "\",\"yes_dollars_fp\":[[\"0.1600\",\"5555.55\"]],\"no_dollars_fp\":[[\"0.8300\",\"1.43\"]]}}",
                deltaNew(2, M, "0.1700", "-1.84", "2023-04-10T14:00:00.000001Z"),
                deltaOld(3, M, 17, 2, "yes", T0_SECONDS + 1),
                "{\"type\":\"trade\",\"sid\":1,\"seq\":4,\"msg\":{\"market_ticker\":\"" + M
                        + "\",\"yes_price_dollars\":\"0.1700\",\"count_fp\":\"5.52\",\"taker_side\":\"yes\","
                        + "\"ts\":" + (T0_SECONDS + 2) + ",\"ts_ms\":" + (T0_SECONDS * 1000 + 2_345) + "}}");
        TickerRegistry registry = new TickerRegistry();
        List<MarketEvent> events = TestFiles.readAll(new KalshiWsReader(file, registry));
        int id = registry.marketId(M);
        assertThat(events).containsExactly(
                new BookSnapshot(T0 + 1, 1, id, List.of(new Level(16, 555_555)), List.of(new Level(83, 143))),
                new BookDelta(T0 + 1, 2, id, BookSide.YES, 17, -184),
                new BookDelta(T0 + 1_000_000, 3, id, BookSide.YES, 17, 200),
                new Trade(T0 + 2_345_000, 4, id, 17, 552, BookSide.YES));
    }

    @Test
    void readsPricesInTicksOfTheMarketsTickSize() {
        Path file = TestFiles.write(dir, "deci.jsonl",
                "{\"type\":\"orderbook_snapshot\",\"sid\":1,\"seq\":1,\"msg\":{\"market_ticker\":\"" + M
                        + "\",\"yes_dollars_fp\":[[\"0.0050\",\"1.00\"]]}}",
                deltaNew(2, M, "0.1650", "2.00", "2023-04-10T14:00:00Z"));
        TickerRegistry registry = new TickerRegistry(Map.of(M, TickSize.TENTH_CENT));
        List<MarketEvent> events = TestFiles.readAll(new KalshiWsReader(file, registry));
        assertThat(((BookSnapshot) events.get(0)).yesBids()).containsExactly(new Level(5, 100));
        assertThat(((BookDelta) events.get(1)).price()).isEqualTo(165);
    }

    @Test
    void aSnapshotWithoutTimeTakesTheLatestEarlierTime() {
        Path file = TestFiles.write(dir, "snap.jsonl",
                snapshotOld(1, M),
                deltaOld(2, M, 40, 1, "yes", T0_SECONDS),
                snapshotOld(3, M),
                deltaOld(4, M, 40, 1, "yes", T0_SECONDS + 5));
        List<MarketEvent> events = TestFiles.readAll(new KalshiWsReader(file, new TickerRegistry()));
        assertThat(events).extracting(MarketEvent::ts).containsExactly(T0, T0, T0, T0 + 5_000_000);
    }

    @Test
    void controlFramesCountInTheSeqAndOtherFramesAreCountedAsSkipped() {
        Path file = TestFiles.write(dir, "ctl.jsonl",
                "{\"type\":\"subscribed\",\"id\":1,\"msg\":{\"channel\":\"orderbook_delta\",\"sid\":1}}",
                "{\"type\":\"ok\",\"id\":2,\"sid\":1,\"seq\":1,\"msg\":{}}",
                snapshotOld(2, M),
                "{\"type\":\"ok\",\"id\":3,\"sid\":1,\"seq\":3,\"msg\":{}}",
                deltaOld(4, M, 40, 1, "yes", T0_SECONDS),
                "{\"type\":\"error\",\"id\":4,\"msg\":{\"code\":6}}");
        KalshiWsReader reader = new KalshiWsReader(file, new TickerRegistry());
        assertThat(TestFiles.readAll(reader)).hasSize(2);
        assertThat(reader.stats().count("skipped:ok")).isEqualTo(2);
        assertThat(reader.stats().count("skipped:subscribed")).isEqualTo(1);
        assertThat(reader.stats().count("skipped:error")).isEqualTo(1);
        assertThat(reader.stats().warnings()).isEmpty();
    }

    @Test
    void aSeqGapIsAWarningAndTheMarketsDeltasWaitForTheNextSnapshot() {
        Path file = TestFiles.write(dir, "gap.jsonl",
                snapshotOld(1, M),
                deltaOld(2, M, 40, 1, "yes", T0_SECONDS),
                deltaOld(5, M, 40, 1, "yes", T0_SECONDS + 1),
                "{\"type\":\"trade\",\"sid\":1,\"seq\":6,\"msg\":{\"market_ticker\":\"" + M
                        + "\",\"yes_price\":41,\"count\":3,\"taker_side\":\"no\",\"ts\":" + (T0_SECONDS + 2) + "}}",
                snapshotOld(7, M),
                deltaOld(8, M, 40, 1, "yes", T0_SECONDS + 3));
        KalshiWsReader reader = new KalshiWsReader(file, new TickerRegistry());
        List<MarketEvent> events = TestFiles.readAll(reader);
        assertThat(events).extracting(MarketEvent::seq).containsExactly(1L, 2L, 5L, 6L);
        assertThat(reader.stats().count(KalshiWsReader.GAP)).isEqualTo(1);
        assertThat(reader.stats().count("skipped_after_gap:delta")).isEqualTo(1);
        assertThat(reader.stats().count("skipped_after_gap:trade")).isEqualTo(1);
        assertThat(reader.stats().warnings()).singleElement().asString()
                .contains("gap.jsonl:3:", "expected 3, got 5", M);
    }

    @Test
    void aFrameEarlierThanAnotherMarketsLatestIsRaisedToItSoTheOutputStaysOrdered() {
        String other = "INXD-23APR10-B4125";
        Path file = TestFiles.write(dir, "raise.jsonl",
                snapshotOld(1, M),
                snapshotOld(2, other),
                deltaOld(3, M, 40, 1, "yes", T0_SECONDS + 10),
                deltaOld(4, other, 40, 1, "yes", T0_SECONDS + 9));
        KalshiWsReader reader = new KalshiWsReader(file, new TickerRegistry());
        List<MarketEvent> events = TestFiles.readAll(reader);
        assertThat(events.get(3).ts()).isEqualTo(T0 + 10_000_000);
        assertThat(reader.stats().count(KalshiWsReader.TS_RAISED)).isEqualTo(1);
    }

    @Test
    void readsGzippedRecordingsAndReportsTheLineOfEachEvent() {
        Path file = TestFiles.gzip(dir, "s.jsonl.gz",
                "{\"type\":\"ok\",\"sid\":1,\"seq\":1,\"msg\":{}}",
                snapshotOld(2, M),
                "",
                deltaOld(3, M, 40, 1, "yes", T0_SECONDS));
        KalshiWsReader reader = new KalshiWsReader(file, new TickerRegistry());
        assertThat(reader.next()).isInstanceOf(BookSnapshot.class);
        assertThat(reader.line()).isEqualTo(2);
        assertThat(reader.next()).isInstanceOf(BookDelta.class);
        assertThat(reader.line()).isEqualTo(4);
        assertThat(reader.next()).isNull();
        assertThat(reader.sourceName()).isEqualTo(file.toString());
    }
}
