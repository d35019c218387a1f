package io.kbt.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kbt.engine.event.BookSnapshot;
import io.kbt.engine.event.DataSet;
import io.kbt.engine.event.IndexTick;
import io.kbt.engine.event.MarketEvent;
import io.kbt.engine.market.Market;
import io.kbt.engine.market.Selection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {
    @TempDir
    Path dir;

    private static Selection day(String date) {
        return new Selection(List.of(), List.of(), LocalDate.parse(date), LocalDate.parse(date));
    }

    private static List<MarketEvent> drain(DataSet data) {
        List<MarketEvent> events = new ArrayList<>();
        try (data) {
            for (MarketEvent e = data.events().next(); e != null; e = data.events().next()) {
                events.add(e);
            }
        }
        return events;
    }

    @Test
    void theRealSeedDayReplaysTheSameEventsAsTheSeedReaderAndSkipsTheProbabilityCsv() {
        DataDirectory data = new DataDirectory(SharedData.file("kalshi-2023-04"));
        assertThat(data.files()).extracting(f -> f.format().name())
                .containsExactlyInAnyOrder("seed-csv", "markets");
        assertThat(data.notes()).anyMatch(n -> n.contains("apr-10-probability.csv"));
        DataSet set = data.open(day("2023-04-10"));
        assertThat(set.instruments().markets()).extracting(Market::ticker).containsExactly("INXD-23APR10-B4075");
        assertThat(set.instruments().symbols()).containsExactly("SPX");
        List<MarketEvent> events = drain(set);
        List<MarketEvent> direct = TestFiles.readAll(new SeedCsvReader(
                SharedData.file("kalshi-2023-04/apr-10-combined.csv"), "INXD-23APR10-B4075", "SPX",
                new TickerRegistry()));
        assertThat(events).isEqualTo(direct);
    }

    @Test
    void aDayWithoutTheMarketsCloseSelectsNothingButKeepsNoMarketEvents() {
        DataSet set = new DataDirectory(SharedData.file("kalshi-2023-04")).open(day("2023-04-11"));
        assertThat(set.instruments().markets()).isEmpty();
        assertThat(drain(set)).allMatch(e -> e instanceof IndexTick).isEmpty();
    }

    @Test
    void theRealWebsocketSessionCreatesItsMarketsFromTheirTickersWithWarnings() {
        // The session ran 02:31-02:37 UTC on 2026-07-01, which is the evening of June 30 in New York.
        DataSet set = new DataDirectory(SharedData.file("kalshi-ws-2026-07")).open(day("2026-06-30"));
        assertThat(set.instruments().markets()).extracting(Market::ticker).containsExactly(
                "KXBTCD-26JUL0317-T60499.99", "KXBTCD-26JUL0317-T60999.99", "KXNEXTTEAMNBA-26LJAM-CLE",
                "KXNEXTTEAMNBA-26LJAM-GSW", "KXNEXTTEAMNBA-26LJAM-MIA");
        assertThat(set.warnings()).filteredOn(w -> w.contains("created from its ticker")).hasSize(5);
        List<MarketEvent> events = drain(set);
        assertThat(events).hasSize(5 + 2_885);
        assertThat(events).filteredOn(e -> e instanceof BookSnapshot).hasSize(5);
    }

    @Test
    void mergesWebsocketTradesAndIndexFilesInTimeOrderForTheSelectedSeriesOnly() throws IOException {
        TestFiles.write(dir, "markets.json", "{\"markets\":[",
                "{\"ticker\":\"INXD-23APR10-B4075\",\"event_ticker\":\"INXD-23APR10\",\"close_time\":\"2023-04-10T20:00:00Z\"},",
                "{\"ticker\":\"KXBTCD-23APR10-T1\",\"event_ticker\":\"KXBTCD-23APR10\",\"close_time\":\"2023-04-10T21:00:00Z\"}",
                "]}");
        TestFiles.gzip(dir, "ws.jsonl.gz",
                "{\"type\":\"orderbook_snapshot\",\"sid\":1,\"seq\":1,\"msg\":{\"market_ticker\":\"INXD-23APR10-B4075\",\"yes\":[[40,1]]}}",
                "{\"type\":\"orderbook_snapshot\",\"sid\":1,\"seq\":2,\"msg\":{\"market_ticker\":\"KXBTCD-23APR10-T1\",\"yes\":[[40,1]]}}",
                "{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":3,\"msg\":{\"market_ticker\":\"INXD-23APR10-B4075\",\"price\":40,\"delta\":1,\"side\":\"yes\",\"ts\":1681135202}}",
                "{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":4,\"msg\":{\"market_ticker\":\"KXBTCD-23APR10-T1\",\"price\":40,\"delta\":1,\"side\":\"yes\",\"ts\":1681135203}}");
        TestFiles.write(dir, "trades.json", "{\"trades\":[{\"ticker\":\"INXD-23APR10-B4075\",\"count\":1,"
                + "\"yes_price\":40,\"taker_side\":\"no\",\"created_time\":\"2023-04-10T14:00:01Z\"}],\"cursor\":\"\"}");
        TestFiles.write(dir, "spx.csv", "ts,price", "2023-04-10T14:00:00Z,4100", "2023-04-10T14:00:02.5Z,4101");
        Files.writeString(dir.resolve("notes.csv"), "a,b,c\n1,2,3\n");
        Selection inx = new Selection(List.of("INXD"), List.of(), LocalDate.parse("2023-04-10"),
                LocalDate.parse("2023-04-10"));
        DataDirectory data = new DataDirectory(dir);
        assertThat(data.notes()).singleElement().asString().contains("notes.csv");
        DataSet set = data.open(inx);
        assertThat(set.instruments().markets()).extracting(Market::ticker).containsExactly("INXD-23APR10-B4075");
        List<MarketEvent> events = drain(set);
        // The snapshot has no time of its own: it takes the next frame's (14:00:02), after the 14:00:01 trade.
        assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly(
                "IndexTick", "Trade", "BookSnapshot", "BookDelta", "IndexTick");
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).ts()).isGreaterThanOrEqualTo(events.get(i - 1).ts());
        }
    }

    @Test
    void aSeedCsvNeedsExactlyOneMarketInTheDirectory() {
        TestFiles.write(dir, "seed.csv", "Time,Competitor,Operation,OrderId,Instrument,Side,Volume,Price,Lifespan,Fee");
        assertThatThrownBy(() -> new DataDirectory(dir).open(day("2023-04-10")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("exactly one market");
    }

    @Test
    void filesWithAByteOrderMarkAreRecognisedAndRead() throws IOException {
        Files.writeString(dir.resolve("spx.csv"), "\ufeffts,price\r\n2023-04-10T14:00:00Z,4100\r\n");
        Files.writeString(dir.resolve("markets.json"), "\ufeff{\"markets\":[{\"ticker\":\"INXD-23APR10-B4075\","
                + "\"event_ticker\":\"INXD-23APR10\",\"close_time\":\"2023-04-10T20:00:00Z\"}]}\n");
        DataDirectory data = new DataDirectory(dir);
        assertThat(data.files()).extracting(f -> f.format().name())
                .containsExactlyInAnyOrder("index", "markets");
        assertThat(drain(data.open(day("2023-04-10")))).singleElement().isInstanceOf(IndexTick.class);
    }

    @Test
    void ofSeveralBadFilesDecodedTogetherTheFirstInPathOrderIsReported() {
        String snapshot = "{\"type\":\"orderbook_snapshot\",\"sid\":1,\"seq\":1,\"msg\":{\"market_ticker\":"
                + "\"INXD-23APR10-B4075\",\"yes\":[[40,1]],\"ts\":1681135202}}";
        List<String> late = new ArrayList<>(List.of(snapshot));
        for (int seq = 2; seq < 3_000; seq++) {
            late.add(snapshot.replace("\"seq\":1", "\"seq\":" + seq));
        }
        late.add("{not json");
        TestFiles.write(dir, "a.jsonl", late.toArray(String[]::new));
        TestFiles.write(dir, "b.jsonl", "{not json either");
        TestFiles.write(dir, "c.csv", "ts,price", "yesterday,4100");
        assertThatThrownBy(() -> new DataDirectory(dir).open(day("2023-04-10")))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(dir.resolve("a.jsonl") + ":3000: malformed JSON");
    }
}
