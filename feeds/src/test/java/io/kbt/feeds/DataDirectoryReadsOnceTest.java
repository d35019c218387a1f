package io.kbt.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.engine.event.DataSet;
import io.kbt.engine.event.EventSource;
import io.kbt.engine.event.MarketEvent;
import io.kbt.engine.market.Selection;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link DataDirectory}, which decodes each file once, against {@link TwoPassDataDirectory}, the loader that
 * decoded every file twice: the same markets, symbols, warnings and event stream, event for event, on the real
 * 2023 day (seed CSV), the recorded 2026 websocket session (markets created from tickers), and the bundled
 * generated sample (two days, websocket + index CSV + markets), for whole and partial selections.
 */
class DataDirectoryReadsOnceTest {
    private static final Path SAMPLE = Path.of("../samples/src/main/resources/io/kbt/samples/sample");

    @Test
    void realSeedDayLoadsTheSame() {
        LocalDate day = LocalDate.of(2023, 4, 10);
        compare(SharedData.file("kalshi-2023-04"), new Selection(List.of(), List.of(), day, day));
        compare(SharedData.file("kalshi-2023-04"), new Selection(List.of("INXD"), List.of(), day, day));
    }

    @Test
    void recordedWebsocketSessionLoadsTheSame() {
        compare(SharedData.file("kalshi-ws-2026-07"),
                new Selection(List.of(), List.of(), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
    }

    @Test
    void generatedDaysLoadTheSameWholeAndInPart() {
        LocalDate first = LocalDate.of(2026, 1, 5);
        LocalDate second = first.plusDays(1);
        compare(SAMPLE, new Selection(List.of(), List.of(), first, second));
        compare(SAMPLE, new Selection(List.of(), List.of(), second, second));
        compare(SAMPLE, new Selection(List.of("INXD"), List.of(), first, first));
    }

    private static void compare(Path dir, Selection selection) {
        try (DataSet expected = new TwoPassDataDirectory(dir).open(selection);
                DataSet actual = new DataDirectory(dir).open(selection)) {
            assertThat(actual.instruments()).isEqualTo(expected.instruments());
            assertThat(actual.warnings()).isEqualTo(expected.warnings());
            List<MarketEvent> expectedEvents = drain(expected.events());
            assertThat(expectedEvents).isNotEmpty();
            assertThat(drain(actual.events())).isEqualTo(expectedEvents);
        }
    }

    private static List<MarketEvent> drain(EventSource source) {
        List<MarketEvent> events = new ArrayList<>();
        for (MarketEvent event = source.next(); event != null; event = source.next()) {
            events.add(event);
        }
        return events;
    }
}
