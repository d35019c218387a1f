package io.kbt.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.engine.event.BookDelta;
import io.kbt.engine.event.BookSide;
import io.kbt.engine.event.BookSnapshot;
import io.kbt.engine.event.IndexTick;
import io.kbt.engine.event.MarketEvent;
import io.kbt.engine.event.Trade;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedCsvReaderTest {
    private static final String HEADER = "Time,Competitor,Operation,OrderId,Instrument,Side,Volume,Price,Lifespan,Fee";
    private static final String M = "INXD-23APR10-B4075";
    // 2023-04-10T13:31:00Z
    private static final long T0 = 1_681_133_460_000_000L;
    private static final int K = SeedCsvReader.SEQ_PER_LINE;

    @TempDir
    Path dir;

    private static String row(int second, String operation, String side, int volume, int cents) {
        return "2023-04-10 13:31:0" + second + ".000000+00:00,,"
                + operation + ",1,1," + side + "," + volume + "," + (cents * 100) + ".0,G,0";
    }

    @Test
    void aCrossingInsertTradesEachCrossedLevelThenRestsTheRemainder() {
        Path file = TestFiles.write(dir, "seed.csv", HEADER,
                "2023-04-10 13:31:00.000000+00:00,,,,0,,,4079.3899,,",
                row(1, "Insert", "A", 2, 65),   // no bid 2 @ 35
                row(1, "Insert", "A", 5, 68),   // no bid 5 @ 32
                row(2, "Insert", "B", 4, 68),   // lifts 2 @ 65 and 2 @ 68, nothing rests
                row(3, "Insert", "B", 10, 69),  // lifts 3 @ 68, rests 7 @ 69
                row(4, "Insert", "A", 9, 60),   // hits 7 @ 69, rests 2 as no bid @ 40
                row(5, "Cancel", "A", 5, 60),   // only 2 rest: clamp to 2
                row(6, "Insert", "B", 1, 50));  // no ask left: rests
        TickerRegistry registry = new TickerRegistry();
        SeedCsvReader reader = new SeedCsvReader(file, M, "SPX", registry);
        List<MarketEvent> events = TestFiles.readAll(reader);
        int m = registry.marketId(M);
        long s = 1_000_000;
        assertThat(events).containsExactly(
                new IndexTick(T0, 2L * K, 0, 4079.3899),
                new BookSnapshot(T0 + s, 3L * K, m, List.of(), List.of()),
                new BookDelta(T0 + s, 3L * K + 1, m, BookSide.NO, 35, 200),
                new BookDelta(T0 + s, 4L * K, m, BookSide.NO, 32, 500),
                new Trade(T0 + 2 * s, 5L * K, m, 65, 200, BookSide.YES),
                new BookDelta(T0 + 2 * s, 5L * K + 1, m, BookSide.NO, 35, -200),
                new Trade(T0 + 2 * s, 5L * K + 2, m, 68, 200, BookSide.YES),
                new BookDelta(T0 + 2 * s, 5L * K + 3, m, BookSide.NO, 32, -200),
                new Trade(T0 + 3 * s, 6L * K, m, 68, 300, BookSide.YES),
                new BookDelta(T0 + 3 * s, 6L * K + 1, m, BookSide.NO, 32, -300),
                new BookDelta(T0 + 3 * s, 6L * K + 2, m, BookSide.YES, 69, 700),
                new Trade(T0 + 4 * s, 7L * K, m, 69, 700, BookSide.NO),
                new BookDelta(T0 + 4 * s, 7L * K + 1, m, BookSide.YES, 69, -700),
                new BookDelta(T0 + 4 * s, 7L * K + 2, m, BookSide.NO, 40, 200),
                new BookDelta(T0 + 5 * s, 8L * K, m, BookSide.NO, 40, -200),
                new BookDelta(T0 + 6 * s, 9L * K, m, BookSide.YES, 50, 100));
        FeedStats stats = reader.stats();
        assertThat(stats.count(SeedCsvReader.ROWS_TRADE)).isEqualTo(3);
        assertThat(stats.count(SeedCsvReader.ROWS_BOOK)).isEqualTo(4);
        assertThat(stats.count(SeedCsvReader.CANCEL_CLAMPED)).isEqualTo(1);
        assertThat(stats.count(SeedCsvReader.TRADE)).isEqualTo(4);
    }
}
