package io.kbt.db.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.db.Database;
import io.kbt.db.imports.EventImporter;
import io.kbt.db.imports.ImportProgress;
import io.kbt.db.imports.Imports;
import io.kbt.db.testing.SharedData;
import io.kbt.db.testing.TestDatabase;
import io.kbt.engine.event.BookDelta;
import io.kbt.engine.event.BookSnapshot;
import io.kbt.engine.event.DataSet;
import io.kbt.engine.event.MarketEvent;
import io.kbt.engine.event.Trade;
import io.kbt.engine.market.Selection;
import io.kbt.feeds.KalshiWsReader;
import io.kbt.feeds.TickerRegistry;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The 2026 websocket recording (dollar-string prices, fractional counts, multi-level snapshots) streamed back from
 * the store equals the file read by the feeds reader, event by event, once market ids are matched by ticker.
 */
class RecordingRoundTripTest {
    static TestDatabase testDb;
    static Database db;

    @BeforeAll
    static void importRecording() {
        testDb = TestDatabase.create(RecordingRoundTripTest.class);
        db = testDb.open();
        new EventImporter(db, ImportProgress.NONE).importFile(Imports.kalshiWs(SharedData.file(SharedData.WS_2026)));
    }

    @AfterAll
    static void drop() {
        db.close();
        testDb.close();
    }

    @Test
    void streamingTheRecordingBackYieldsTheFilesEventsInOrder() {
        // 02:31–02:37 UTC on July 1 is the evening of June 30 in New York
        Selection day = new Selection(List.of(), List.of(), LocalDate.of(2026, 6, 30), LocalDate.of(2026, 6, 30));
        TickerRegistry registry = new TickerRegistry();
        long compared = 0;
        try (DataSet stored = new StoredData(db).open(day);
                KalshiWsReader file = new KalshiWsReader(SharedData.file(SharedData.WS_2026), registry)) {
            Map<String, Integer> storedIds = stored.instruments().idsByTicker();
            assertThat(storedIds).hasSize(5);
            assertThat(stored.warnings()).hasSize(5).allMatch(w -> w.contains("no close time"));
            for (MarketEvent expected = file.next(); expected != null; expected = file.next()) {
                MarketEvent renumbered = withMarket(expected, storedIds.get(registry.tickers().get(market(expected))));
                assertThat(stored.events().next()).as("event %d (line %d)", compared, file.line()).isEqualTo(renumbered);
                compared++;
            }
            assertThat(stored.events().next()).isNull();
        }
        assertThat(compared).isEqualTo(5 + 2_885);
    }

    private static int market(MarketEvent event) {
        return switch (event) {
            case BookSnapshot s -> s.market();
            case BookDelta d -> d.market();
            case Trade t -> t.market();
            default -> throw new IllegalArgumentException("unexpected " + event);
        };
    }

    private static MarketEvent withMarket(MarketEvent event, int market) {
        return switch (event) {
            case BookSnapshot s -> new BookSnapshot(s.ts(), s.seq(), market, s.yesBids(), s.noBids());
            case BookDelta d -> new BookDelta(d.ts(), d.seq(), market, d.side(), d.price(), d.delta());
            case Trade t -> new Trade(t.ts(), t.seq(), market, t.yesPrice(), t.count(), t.takerSide());
            default -> throw new IllegalArgumentException("unexpected " + event);
        };
    }
}
