package io.kbt.engine.replay;

import io.kbt.engine.event.BookDelta;
import io.kbt.engine.event.BookSide;
import io.kbt.engine.event.BookSnapshot;
import io.kbt.engine.event.IndexTick;
import io.kbt.engine.event.Level;
import io.kbt.engine.event.ListEventSource;
import io.kbt.engine.event.MarketEvent;
import io.kbt.engine.event.Trade;
import io.kbt.engine.exchange.QueueModels;
import io.kbt.engine.fees.FeeSchedules;
import io.kbt.engine.market.Instruments;
import io.kbt.engine.market.Market;
import io.kbt.engine.market.Result;
import io.kbt.engine.market.StrikeType;
import io.kbt.engine.market.TickSize;
import io.kbt.engine.run.RunResult;
import io.kbt.engine.strategy.Quote;
import io.kbt.engine.strategy.Strategy;
import io.kbt.engine.strategy.StrategyContext;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Hand-made event sequences for one market (id 0, INXD series, 1¢ ticks, closing at {@link #CLOSE}) with a
 * script of quotes: at a given time the strategy sends a given quote. Counts are written in whole contracts
 * for readability and stored as hundredths.
 */
final class Scenario {
    static final long CLOSE = 1_000_000;
    static final int SPX = 0;

    private final List<MarketEvent> events = new ArrayList<>();
    private final TreeMap<Long, List<Consumer<StrategyContext>>> script = new TreeMap<>();
    private Result result = Result.NO;
    private long positionLimit = Long.MAX_VALUE;
    private long seq;
    private String queue = "risk-averse";
    private String fees = "none";
    private boolean perEvent;

    static long c(double contracts) {
        return Math.round(contracts * 100);
    }

    static Market market(Result result) {
        return new Market(0, "INXD-23APR10-B4075", "INXD-23APR10", "INXD", StrikeType.BETWEEN, 4050, 4099.99, "SPX",
                0, CLOSE, result, TickSize.CENT);
    }

    Scenario result(Result r) {
        result = r;
        return this;
    }

    Scenario queue(String name) {
        queue = name;
        return this;
    }

    Scenario fees(String name) {
        fees = name;
        return this;
    }

    /** The strategy reacts after every event instead of after each batch. */
    Scenario reactPerEvent() {
        perEvent = true;
        return this;
    }

    Scenario positionLimit(double contracts) {
        positionLimit = c(contracts);
        return this;
    }

    /** Snapshot: yes bids and no bids as alternating price, contracts pairs. */
    Scenario snapshot(long ts, double[] yes, double[] no) {
        events.add(new BookSnapshot(ts, seq++, 0, levels(yes), levels(no)));
        return this;
    }

    Scenario delta(long ts, BookSide side, int price, double contracts) {
        events.add(new BookDelta(ts, seq++, 0, side, price, c(contracts)));
        return this;
    }

    Scenario trade(long ts, int yesPrice, double contracts, BookSide taker) {
        events.add(new Trade(ts, seq++, 0, yesPrice, c(contracts), taker));
        return this;
    }

    Scenario index(long ts, double level) {
        events.add(new IndexTick(ts, seq++, SPX, level));
        return this;
    }

    /** At time {@code ts} (after that batch) the strategy sends {@code quote}. */
    Scenario quote(long ts, Quote quote) {
        return at(ts, ctx -> ctx.quote(0, quote));
    }

    Scenario at(long ts, Consumer<StrategyContext> action) {
        script.computeIfAbsent(ts, t -> new ArrayList<>()).add(action);
        return this;
    }

    static Quote bid(int price, double contracts) {
        return new Quote(price, c(contracts), 0, 0, false);
    }

    static Quote ask(int price, double contracts) {
        return new Quote(0, 0, price, c(contracts), false);
    }

    List<MarketEvent> events() {
        return events;
    }

    Instruments instruments() {
        return new Instruments(List.of(market(result)), List.of("SPX"));
    }

    Strategy strategy() {
        long limit = positionLimit;
        return new Strategy() {
            @Override
            public void onBatch(StrategyContext context) {
                List<Consumer<StrategyContext>> actions = script.get(context.now());
                if (actions != null) {
                    actions.forEach(a -> a.accept(context));
                }
            }

            @Override
            public long positionLimit() {
                return limit;
            }
        };
    }

    RunResult run(Recording recording) {
        ReplayConfig config = new ReplayConfig(QueueModels.byName(queue), FeeSchedules.byName(fees), perEvent);
        return Replay.run(instruments(), new ListEventSource(events), strategy(), config, recording);
    }

    private static List<Level> levels(double[] pairs) {
        List<Level> levels = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            levels.add(new Level((int) pairs[i], c(pairs[i + 1])));
        }
        return levels;
    }
}
