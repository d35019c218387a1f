package io.kbt.db.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.db.Database;
import io.kbt.db.history.CandleBooks;
import io.kbt.db.imports.EventImporter;
import io.kbt.db.imports.ImportProgress;
import io.kbt.db.imports.ImportReport;
import io.kbt.db.imports.Imports;
import io.kbt.db.imports.MarketsImporter;
import io.kbt.db.testing.SharedData;
import io.kbt.db.testing.TestDatabase;
import io.kbt.engine.event.DataSet;
import io.kbt.engine.event.MarketEvent;
import io.kbt.engine.market.Selection;
import io.kbt.feeds.SeedCsvReader;
import io.kbt.feeds.TickerRegistry;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real 2023-04-10 day: imported once, counted, imported again for nothing, and streamed back event by event. */
class RealDayRoundTripTest {
    static TestDatabase testDb;
    static Database db;
    static ImportReport first;

    @BeforeAll
    static void importDay() {
        testDb = TestDatabase.create(RealDayRoundTripTest.class);
        db = testDb.open();
        new MarketsImporter(db).importFile(SharedData.file(SharedData.MARKETS_2023));
        first = importSeed();
    }

    @AfterAll
    static void drop() {
        db.close();
        testDb.close();
    }

    private static ImportReport importSeed() {
        Path csv = SharedData.file(SharedData.SEED_CSV);
        return new EventImporter(db, ImportProgress.NONE).importFile(Imports.seedCsv(csv, SharedData.SEED_TICKER, "SPX"));
    }

    @Test
    void importsEveryIndexTickAndAccountsForEveryBookRow() {
        assertThat(first.indexTicks()).isEqualTo(27_513);
        assertThat(testDb.count("index_tick")).isEqualTo(27_513);
        assertThat(first.readerCounts().get(SeedCsvReader.ROWS_TRADE) + first.readerCounts().get(SeedCsvReader.ROWS_BOOK))
                .isEqualTo(27_313);
        assertThat(testDb.count("book_delta")).isEqualTo(first.deltas());
        assertThat(testDb.count("trade")).isEqualTo(first.trades());
        assertThat(testDb.count("book_snapshot")).isEqualTo(first.snapshots());
        assertThat(first.marketsCreated()).isZero();
    }

    @Test
    void importingTheSameFileAgainAddsNothing() {
        long before = testDb.count("book_delta") + testDb.count("trade") + testDb.count("index_tick")
                + testDb.count("book_snapshot");
        ImportReport again = importSeed();
        assertThat(again.skipped()).isTrue();
        assertThat(again.rows()).isZero();
        assertThat(again.summary()).contains("nothing added");
        assertThat(testDb.count("book_delta") + testDb.count("trade") + testDb.count("index_tick")
                + testDb.count("book_snapshot")).isEqualTo(before);
        assertThat(testDb.count("import_batch")).isEqualTo(1);
    }

    @Test
    void streamingTheDayBackYieldsTheFilesEventsInTheFilesOrder() {
        Selection day = new Selection(List.of(), List.of(SharedData.SEED_TICKER),
                LocalDate.of(2023, 4, 10), LocalDate.of(2023, 4, 10));
        TickerRegistry registry = new TickerRegistry();
        long compared = 0;
        try (DataSet stored = new StoredData(db).open(day);
                SeedCsvReader file = new SeedCsvReader(SharedData.file(SharedData.SEED_CSV), SharedData.SEED_TICKER,
                        "SPX", registry)) {
            assertThat(stored.instruments().markets()).singleElement()
                    .satisfies(m -> assertThat(m.ticker()).isEqualTo(SharedData.SEED_TICKER));
            assertThat(stored.instruments().symbols()).containsExactly("SPX");
            for (MarketEvent expected = file.next(); expected != null; expected = file.next()) {
                // the file reader numbers the market and symbol 0 as the single-market replay does
                assertThat(stored.events().next()).as("event %d (line %d)", compared, file.line()).isEqualTo(expected);
                compared++;
            }
            assertThat(stored.events().next()).isNull();
        }
        assertThat(compared).isEqualTo(first.rows());
    }

    @Test
    void aBacktestsLoadHoldsOneConnectionPerTableWhileStreamingAndNoneAfter() {
        Selection day = new Selection(List.of(), List.of(SharedData.SEED_TICKER),
                LocalDate.of(2023, 4, 10), LocalDate.of(2023, 4, 10));
        long events = 0;
        try (DataSet stored = CandleBooks.open(db, day, CandleBooks.Mode.AUTO, 10).data()) {
            testDb.awaitUnpooledConnections(4);
            while (stored.events().next() != null) {
                events++;
            }
        }
        testDb.awaitUnpooledConnections(0);
        assertThat(events).isEqualTo(first.rows());
    }
}
