package io.kbt.engine.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.engine.event.EventSource;
import io.kbt.engine.event.ListEventSource;
import io.kbt.engine.event.MarketClose;
import io.kbt.engine.event.MarketEvent;
import io.kbt.engine.run.RunListener;
import io.kbt.engine.run.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class EventTapeTest {
    private static List<MarketEvent> drain(EventSource source) {
        List<MarketEvent> events = new ArrayList<>();
        for (MarketEvent e = source.next(); e != null; e = source.next()) {
            events.add(e);
        }
        return events;
    }

    @Test
    void everySourceOfATapeGivesBackTheRecordedEvents() {
        RandomDay day = new RandomDay(42, 1_000);
        List<MarketEvent> events = new ArrayList<>(day.events);
        events.add(new MarketClose(events.get(events.size() - 1).ts(), Long.MAX_VALUE, 1));
        EventTape tape = EventTape.record(new ListEventSource(events));
        assertThat(tape.size()).isEqualTo(events.size());
        assertThat(drain(tape.source())).isEqualTo(events);
        assertThat(drain(tape.source())).isEqualTo(events);
    }

    @Test
    void manyThreadsReplayOneTapeAtOnceWithTheSameResult() throws Exception {
        RandomDay day = new RandomDay(7, 5_000);
        EventTape tape = EventTape.record(new ListEventSource(day.events));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<RunResult>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                runs.add(pool.submit(() -> Replay.run(day.instruments, tape.source(),
                        new RandomDay.QuotingStrategy(day.seed), ReplayConfig.defaults(), RunListener.NONE)));
            }
            RunResult first = runs.get(0).get();
            assertThat(first.fills()).isPositive();
            for (Future<RunResult> run : runs) {
                assertThat(run.get().pnlMicros()).isEqualTo(first.pnlMicros());
                assertThat(run.get().fills()).isEqualTo(first.fills());
                assertThat(run.get().markets()).isEqualTo(first.markets());
            }
        } finally {
            pool.shutdown();
        }
    }
}
