package io.kbt.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.engine.book.KalshiBook;
import io.kbt.engine.event.BookDelta;
import io.kbt.engine.event.BookSnapshot;
import io.kbt.engine.event.MarketEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The real 2026 demo-exchange recording: counts, order, and the final books its README lists. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KalshiWsReaderRealFileTest {

    private record Read(List<MarketEvent> events, FeedStats stats, TickerRegistry registry) {}

    private Read read;

    @BeforeAll
    void readOnce() {
        read = readFile();
    }

    private Read read() {
        return read;
    }

    private static Read readFile() {
        TickerRegistry registry = new TickerRegistry();
        List<MarketEvent> events = new ArrayList<>();
        try (KalshiWsReader reader = new KalshiWsReader(SharedData.file("kalshi-ws-2026-07/session.jsonl"), registry)) {
            for (MarketEvent e = reader.next(); e != null; e = reader.next()) {
                events.add(e);
            }
            return new Read(events, reader.stats(), registry);
        }
    }

    @Test
    void countsEveryFrameOfTheSessionByType() {
        FeedStats stats = read().stats();
        assertThat(stats.count(KalshiWsReader.SNAPSHOT)).isEqualTo(5);
        assertThat(stats.count(KalshiWsReader.DELTA)).isEqualTo(2_885);
        assertThat(stats.count(KalshiWsReader.TRADE)).isZero();
        assertThat(stats.count("skipped:fill")).isEqualTo(2);
        assertThat(stats.count("skipped:ok")).isEqualTo(4);
        assertThat(stats.count("skipped:subscribed")).isEqualTo(2);
        assertThat(stats.count(KalshiWsReader.GAP)).isZero();
        assertThat(stats.warnings()).isEmpty();
    }

    @Test
    void eventsComeInTimeAndSeqOrderAndSnapshotsTakeTheFirstDeltaTime() {
        List<MarketEvent> events = read().events();
        for (int i = 1; i < events.size(); i++) {
            MarketEvent before = events.get(i - 1);
            MarketEvent after = events.get(i);
            assertThat(after.ts() > before.ts() || (after.ts() == before.ts() && after.seq() > before.seq()))
                    .as("event %d after %d", i, i - 1).isTrue();
        }
        // The first delta (line 11) is at 2026-07-01T02:31:45.308599Z; the five snapshots before it carry no time.
        long firstDeltaTs = events.stream().filter(e -> e instanceof BookDelta).findFirst().orElseThrow().ts();
        assertThat(firstDeltaTs).isEqualTo(1_782_873_105_308_599L);
        assertThat(events.stream().filter(e -> e instanceof BookSnapshot).map(MarketEvent::ts))
                .containsOnly(firstDeltaTs);
    }

    @Test
    void rebuiltBooksEndAtTheReadmeBestPricesWithNoLevelBelowZero() {
        Read read = read();
        Map<Integer, KalshiBook> books = new HashMap<>();
        for (MarketEvent event : read.events()) {
            switch (event) {
                case BookSnapshot s -> books.computeIfAbsent(s.market(), m -> new KalshiBook(100)).applySnapshot(s);
                case BookDelta d -> books.get(d.market()).applyDelta(d.side(), d.price(), d.delta());
                default -> { }
            }
        }
        Map<String, String> best = new HashMap<>();
        List<String> tickers = read.registry().tickers();
        books.forEach((id, book) -> {
            assertThat(book.clampedLevels()).as(tickers.get(id)).isZero();
            String ticker = tickers.get(id);
            best.put(ticker.substring(ticker.lastIndexOf('-') + 1), book.bestYesBid() + "/" + book.bestYesAsk());
        });
        assertThat(best).containsExactlyInAnyOrderEntriesOf(Map.of(
                "MIA", "16/17", "GSW", "47/48", "CLE", "25/26", "T60499.99", "22/23", "T60999.99", "19/20"));
    }
}
