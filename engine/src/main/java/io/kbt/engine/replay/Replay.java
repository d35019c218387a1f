package io.kbt.engine.replay;

import io.kbt.engine.event.BookDelta;
import io.kbt.engine.event.BookSide;
import io.kbt.engine.event.BookSnapshot;
import io.kbt.engine.event.EventSource;
import io.kbt.engine.event.IndexTick;
import io.kbt.engine.event.MarketClose;
import io.kbt.engine.event.MarketEvent;
import io.kbt.engine.event.Trade;
import io.kbt.engine.market.Instruments;
import io.kbt.engine.market.Market;
import io.kbt.engine.run.RunListener;
import io.kbt.engine.run.RunResult;
import io.kbt.engine.strategy.Strategy;
import java.util.Arrays;
import java.util.Comparator;

/**
 * The replay loop. Per event: the book is updated, the simulated exchange fills our resting orders, and after
 * each batch of equal-timestamp events (or each event, per {@link ReplayConfig#reactPerEvent()}) the strategy
 * reacts. Each market closes at its close time, after all data of that timestamp: our orders there are
 * cancelled and the position settles. Output streams to the {@link RunListener}; the figures come back as a
 * {@link RunResult}.
 */
public final class Replay {
    private Replay() {}

    public static RunResult run(
            Instruments instruments, EventSource source, Strategy strategy, ReplayConfig config, RunListener listener) {
        ReplaySession session = new ReplaySession(instruments, strategy, config, listener);
        Closes closes = new Closes(instruments);
        long started = System.nanoTime();
        session.start();
        if (source instanceof EventTape.Cursor cursor) {
            runTape(cursor, session, closes, config.reactPerEvent());
        } else {
            runEvents(source, session, closes, config.reactPerEvent());
        }
        return session.result(System.nanoTime() - started);
    }

    private static void runEvents(EventSource source, ReplaySession session, Closes closes, boolean perEvent) {
        long batchTs = Long.MIN_VALUE;
        boolean pending = false;
        for (MarketEvent event = source.next(); event != null; event = source.next()) {
            long ts = event.ts();
            if (ts != batchTs) {
                closes.between(batchTs, pending, ts, session, perEvent);
                pending = false;
            }
            batchTs = ts;
            session.advance(ts, event.seq());
            session.events++;
            switch (event) {
                case BookSnapshot s -> session.snapshot(s);
                case BookDelta d -> session.delta(d.market(), d.side(), d.price(), d.delta());
                case Trade t -> session.trade(t.market(), t.yesPrice(), t.count(), t.takerSide());
                case IndexTick x -> session.index(x.symbol(), x.level(), x);
                case MarketClose c -> session.closeEvent(c.market());
            }
            pending = true;
            if (perEvent) {
                session.react();
            }
        }
        finish(session, closes, pending, perEvent);
    }

    private static void runTape(EventTape.Cursor cursor, ReplaySession session, Closes closes, boolean perEvent) {
        EventTape tape = cursor.tape;
        byte[] kind = tape.columns.kind;
        long[] tss = tape.columns.ts;
        long[] seqs = tape.columns.seq;
        int[] instrument = tape.columns.instrument;
        int[] price = tape.columns.price;
        long[] quantity = tape.columns.quantity;
        byte[] side = tape.columns.side;
        long batchTs = Long.MIN_VALUE;
        boolean pending = false;
        int first = cursor.next;
        for (int i = first; i < tape.size; i++) {
            long ts = tss[i];
            if (ts != batchTs) {
                closes.between(batchTs, pending, ts, session, perEvent);
                pending = false;
            }
            batchTs = ts;
            session.advance(ts, seqs[i]);
            switch (kind[i]) {
                case EventColumns.SNAPSHOT -> session.snapshot(tape.columns.snapshots.get(price[i]));
                case EventColumns.DELTA -> session.delta(instrument[i], BookSide.ofCode(side[i]),
                        price[i], quantity[i]);
                case EventColumns.TRADE -> session.trade(instrument[i], price[i], quantity[i],
                        BookSide.ofCode(side[i]));
                case EventColumns.INDEX -> session.index(instrument[i], Double.longBitsToDouble(quantity[i]), null);
                default -> session.closeEvent(instrument[i]);
            }
            pending = true;
            if (perEvent) {
                session.react();
            }
        }
        session.events += tape.size - first;
        cursor.next = tape.size;
        finish(session, closes, pending, perEvent);
    }

    private static void finish(ReplaySession session, Closes closes, boolean pending, boolean perEvent) {
        closes.between(session.now(), pending, Long.MAX_VALUE, session, perEvent);
    }

    /** The injected market closes, in (close time, market id) order, consumed as the data passes them. */
    private static final class Closes {
        private final Market[] byTime;
        private int next;
        /** Close time of {@code byTime[next]}, or {@link Long#MAX_VALUE} when all have closed. */
        private long nextClose;

        Closes(Instruments instruments) {
            byTime = instruments.markets().toArray(Market[]::new);
            Arrays.sort(byTime, Comparator.comparingLong(Market::closeTime).thenComparingInt(Market::id));
            nextClose = byTime.length > 0 ? byTime[0].closeTime() : Long.MAX_VALUE;
        }

        /**
         * Ends the batch at {@code batchTs} (if {@code pending}): its held trades fill and its queues settle,
         * markets closing at that time close after its data, then the strategy reacts. Then markets closing strictly between the batch and the next event
         * at {@code nextTs} close at their own times, each close time a batch of its own.
         */
        void between(long batchTs, boolean pending, long nextTs, ReplaySession session, boolean perEvent) {
            // Most batches end with no market closing: one comparison with the cached next close time.
            if (pending) {
                session.endBatch();
                while (next < byTime.length && nextClose <= batchTs) {
                    closeNext(session, perEvent);
                }
                if (!perEvent) {
                    session.react();
                }
            }
            while (next < byTime.length && (nextClose < nextTs || nextTs == Long.MAX_VALUE)) {
                long closeTime = nextClose;
                session.advance(Math.max(closeTime, session.now()), Long.MAX_VALUE);
                while (next < byTime.length && nextClose == closeTime) {
                    closeNext(session, perEvent);
                }
                if (!perEvent) {
                    session.react();
                }
            }
        }

        private void closeNext(ReplaySession session, boolean perEvent) {
            session.close(byTime[next++].id());
            nextClose = next < byTime.length ? byTime[next].closeTime() : Long.MAX_VALUE;
            if (perEvent) {
                session.react();
            }
        }
    }
}
