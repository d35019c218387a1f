package io.kbt.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.engine.book.KalshiBook;
import io.kbt.engine.event.BookDelta;
import io.kbt.engine.event.BookSnapshot;
import io.kbt.engine.event.IndexTick;
import io.kbt.engine.event.MarketEvent;
import io.kbt.engine.event.Trade;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The real 2023-04-10 day: every row accounted for, and a book rebuilt from the events matches the publisher's. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedCsvReaderRealFileTest {
    private static final String TICKER = "INXD-23APR10-B4075";

    private record Read(List<MarketEvent> events, List<Long> lines, FeedStats stats) {}

    private Read read;

    @BeforeAll
    void readOnce() {
        read = readFile();
    }

    private Read read() {
        return read;
    }

    private static Read readFile() {
        List<MarketEvent> events = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        try (SeedCsvReader reader = new SeedCsvReader(SharedData.file("kalshi-2023-04/apr-10-combined.csv"), TICKER,
                "SPX", new TickerRegistry())) {
            for (MarketEvent e = reader.next(); e != null; e = reader.next()) {
                events.add(e);
                lines.add(reader.line());
            }
            return new Read(events, lines, reader.stats());
        }
    }

    @Test
    void accountsForEveryOrderBookRowAsATradeOrABookChangeAndEveryIndexTick() {
        FeedStats stats = read().stats();
        assertThat(stats.count(SeedCsvReader.ROWS_TRADE) + stats.count(SeedCsvReader.ROWS_BOOK)).isEqualTo(27_313);
        assertThat(stats.count(SeedCsvReader.ROWS_TRADE)).isPositive();
        assertThat(stats.count(SeedCsvReader.ROWS_INDEX)).isEqualTo(27_513);
        assertThat(stats.count(SeedCsvReader.INDEX)).isEqualTo(27_513);
        assertThat(stats.count(SeedCsvReader.SNAPSHOT)).isEqualTo(1);
    }

    @Test
    void eventsAreInTimeAndSeqOrderWithUniqueSeq() {
        List<MarketEvent> events = read().events();
        for (int i = 1; i < events.size(); i++) {
            MarketEvent a = events.get(i - 1);
            MarketEvent b = events.get(i);
            assertThat(b.ts() > a.ts() || (b.ts() == a.ts() && b.seq() > a.seq())).as("event %d", i).isTrue();
        }
    }

    /**
     * apr-10-probability.csv holds, at the k-th index tick (ID = k, from 2), the publisher's mid after every row up
     * to that tick, an empty side counting as 0. Rebuilding the book from our events must give the same mid.
     */
    @Test
    void rebuiltBookReproducesThePublishersMidAtEveryIndexTick() throws IOException {
        Read read = read();
        List<String> expected = Files.readAllLines(SharedData.file("kalshi-2023-04/apr-10-probability.csv"));
        KalshiBook book = new KalshiBook(100);
        int tick = -1;
        int compared = 0;
        int row = 1;
        for (MarketEvent event : read.events()) {
            switch (event) {
                case BookSnapshot s -> book.applySnapshot(s);
                case BookDelta d -> book.applyDelta(d.side(), d.price(), d.delta());
                case Trade t -> { }
                case IndexTick t -> {
                    tick++;
                    if (tick >= 2) {
                        String[] columns = expected.get(row++).split(",");
                        assertThat(Integer.parseInt(columns[0])).isEqualTo(tick);
                        double bid = book.bestYesBid();
                        double ask = book.bestYesAsk();
                        assertThat((bid + ask) / 2).as("mid at tick %d", tick)
                                .isEqualTo(Double.parseDouble(columns[3]));
                        compared++;
                    }
                }
                default -> throw new AssertionError(event);
            }
        }
        assertThat(compared).isEqualTo(27_511);
        assertThat(book.clampedLevels()).isZero();
    }

    @Test
    void crossingInsertsBecomeTradesFollowedByTheirDeltaOnTheSameLine() {
        Read read = read();
        List<MarketEvent> events = read.events();
        long trades = 0;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof Trade trade) {
                trades++;
                BookDelta taken = (BookDelta) events.get(i + 1);
                assertThat(taken.delta()).isEqualTo(-trade.count());
                assertThat(read.lines().get(i + 1)).isEqualTo(read.lines().get(i));
                int restingYesPrice = taken.side() == io.kbt.engine.event.BookSide.YES ? taken.price()
                        : 100 - taken.price();
                assertThat(restingYesPrice).isEqualTo(trade.yesPrice());
            }
        }
        assertThat(trades).isEqualTo(read.stats().count(SeedCsvReader.TRADE)).isGreaterThanOrEqualTo(
                read.stats().count(SeedCsvReader.ROWS_TRADE));
    }
}
