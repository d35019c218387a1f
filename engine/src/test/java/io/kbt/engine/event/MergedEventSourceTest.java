package io.kbt.engine.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The merge against a stable sort of all events by (ts, seq, source): sources of every size (empty ones too), with
 * many equal times and equal (ts, seq) pairs across sources, whose ties must go to the source listed first.
 */
class MergedEventSourceTest {
    private record Tagged(MarketEvent event, int source) {}

    @Test
    void mergesInTsSeqOrderWithTiesToTheSourceListedFirst() {
        Random random = new Random(18);
        for (int round = 0; round < 200; round++) {
            int count = random.nextInt(7);
            List<List<MarketEvent>> sources = new ArrayList<>();
            List<Tagged> all = new ArrayList<>();
            for (int source = 0; source < count; source++) {
                List<MarketEvent> events = new ArrayList<>();
                long ts = 0;
                long seq = 0;
                for (int i = random.nextInt(40); i > 0; i--) {
                    ts += random.nextInt(3);
                    seq = random.nextBoolean() ? seq + random.nextInt(2) : 0;
                    // The market tells the sources apart where (ts, seq) is the same.
                    MarketEvent event = new Trade(ts, seq, source, 1 + i % 99, 100, BookSide.YES);
                    events.add(event);
                    all.add(new Tagged(event, source));
                }
                events.sort(Comparator.comparingLong(MarketEvent::ts).thenComparingLong(MarketEvent::seq));
                sources.add(events);
            }
            all.sort(Comparator.comparingLong((Tagged t) -> t.event().ts()).thenComparingLong(t -> t.event().seq())
                    .thenComparingInt(Tagged::source));
            List<MarketEvent> merged = new ArrayList<>();
            try (MergedEventSource merge = new MergedEventSource(sources.stream().map(ListEventSource::new).toList())) {
                for (MarketEvent event = merge.next(); event != null; event = merge.next()) {
                    merged.add(event);
                }
            }
            List<MarketEvent> expected = new ArrayList<>();
            for (Tagged tagged : all) {
                expected.add(tagged.event());
            }
            assertThat(merged).isEqualTo(expected);
        }
    }
}
