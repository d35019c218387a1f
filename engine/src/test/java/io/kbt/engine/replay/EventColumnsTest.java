package io.kbt.engine.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.engine.event.BookDelta;
import io.kbt.engine.event.BookSide;
import io.kbt.engine.event.BookSnapshot;
import io.kbt.engine.event.IndexTick;
import io.kbt.engine.event.Level;
import io.kbt.engine.event.MarketClose;
import io.kbt.engine.event.MarketEvent;
import io.kbt.engine.event.Trade;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every kind of event comes back out of the columns as it went in, under the id it is handed on with. */
class EventColumnsTest {
    @Test
    void givesEveryKindBackUnderItsNewIdPastSeveralGrowths() {
        List<MarketEvent> kinds = List.of(
                new BookSnapshot(1, 1, 3, List.of(new Level(5, 200)), List.of(new Level(90, 100), new Level(91, 7))),
                new BookDelta(2, 2, 3, BookSide.NO, 91, -7),
                new Trade(3, 3, 3, 6, 150, BookSide.YES),
                new IndexTick(4, 4, 0, 6001.25),
                new MarketClose(5, 5, 3));
        EventColumns held = new EventColumns(1);
        int count = 100;
        for (int i = 0; i < count; i++) {
            held.add(kinds.get(i % kinds.size()));
        }
        assertThat(held.size()).isEqualTo(count);
        for (int i = 0; i < count; i++) {
            MarketEvent in = kinds.get(i % kinds.size());
            assertThat(held.ts(i)).isEqualTo(in.ts());
            assertThat(held.isIndexTick(i)).isEqualTo(in instanceof IndexTick);
            assertThat(held.instrument(i)).isEqualTo(in instanceof IndexTick ? 0 : 3);
            assertThat(held.event(i, held.instrument(i))).isEqualTo(in);
        }
        assertThat(held.event(0, 8)).isEqualTo(new BookSnapshot(1, 1, 8, List.of(new Level(5, 200)),
                List.of(new Level(90, 100), new Level(91, 7))));
        assertThat(held.event(1, 8)).isEqualTo(new BookDelta(2, 2, 8, BookSide.NO, 91, -7));
        assertThat(held.event(2, 8)).isEqualTo(new Trade(3, 3, 8, 6, 150, BookSide.YES));
        assertThat(held.event(3, 1)).isEqualTo(new IndexTick(4, 4, 1, 6001.25));
        assertThat(held.event(4, 8)).isEqualTo(new MarketClose(5, 5, 8));
    }
}
