package io.kbt.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.engine.event.IndexTick;
import io.kbt.engine.event.MarketEvent;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexCsvReaderTest {
    // 2023-04-10T13:31:00Z
    private static final long T0 = 1_681_133_460_000_000L;

    @TempDir
    Path dir;

    @Test
    void readsIsoAndEpochTimesInEveryUnitWithOrWithoutHeader() {
        Path file = TestFiles.write(dir, "spx.csv",
                "ts,price",
                "2023-04-10T13:31:00Z,4079.39",
                "2023-04-10 09:31:00.5-04:00,4079.40",
                "1681133461,4079.41",
                "1681133461.25,4079.42",
                "1681133461500,4079.43",
                "1681133461750000,4079.44");
        TickerRegistry registry = new TickerRegistry();
        registry.symbolId("NDX");
        List<MarketEvent> events = TestFiles.readAll(new IndexCsvReader(file, "SPX", registry));
        assertThat(events).containsExactly(
                new IndexTick(T0, 2, 1, 4079.39),
                new IndexTick(T0 + 500_000, 3, 1, 4079.40),
                new IndexTick(T0 + 1_000_000, 4, 1, 4079.41),
                new IndexTick(T0 + 1_250_000, 5, 1, 4079.42),
                new IndexTick(T0 + 1_500_000, 6, 1, 4079.43),
                new IndexTick(T0 + 1_750_000, 7, 1, 4079.44));
    }

    @Test
    void findsColumnsByNameAndReadsHeaderlessFiles() {
        Path named = TestFiles.write(dir, "named.csv", "price,time", "4079.39,2023-04-10T13:31:00Z");
        assertThat(TestFiles.readAll(new IndexCsvReader(named, "SPX", new TickerRegistry())))
                .containsExactly(new IndexTick(T0, 2, 0, 4079.39));
        Path bare = TestFiles.write(dir, "bare.csv", "1681133460,4079.39", "1681133460,4079.5");
        IndexCsvReader reader = new IndexCsvReader(bare, "SPX", new TickerRegistry());
        assertThat(TestFiles.readAll(reader)).extracting(MarketEvent::seq).containsExactly(1L, 2L);
        assertThat(reader.stats().count(IndexCsvReader.INDEX)).isEqualTo(2);
    }
}
