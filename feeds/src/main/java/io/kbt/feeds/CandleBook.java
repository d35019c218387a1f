package io.kbt.feeds;

import io.kbt.engine.event.BookSnapshot;
import io.kbt.engine.event.Level;
import io.kbt.engine.event.MarketEvent;
import io.kbt.engine.market.TickSize;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A top of book built from one-minute candles, for markets nobody recorded: at each candle's end its closing best
 * yes bid and ask (known at that moment, so nothing is seen early) become a snapshot with one level a side of
 * {@code displayed} hundredths. A snapshot is made only when the bid or the ask changed, so what we take from a
 * level is not replenished every minute. Snapshots sort after every other event of their timestamp (seq
 * {@link Long#MAX_VALUE}): the trades a candle summarises come first.
 */
public final class CandleBook {
    private CandleBook() {}

    /** Snapshots of market {@code market} (dense id) from its candles in time order. */
    public static List<MarketEvent> snapshots(int market, TickSize tick, List<Candle> candles, long displayed) {
        List<MarketEvent> events = new ArrayList<>();
        int lastBid = Integer.MIN_VALUE;
        int lastAsk = Integer.MIN_VALUE;
        for (Candle c : candles) {
            int bid = c.yesBidClose();
            int ask = c.yesAskClose();
            if (bid == lastBid && ask == lastAsk) {
                continue;
            }
            lastBid = bid;
            lastAsk = ask;
            List<Level> yes = bid == Candle.NONE ? List.of() : List.of(new Level(bid, displayed));
            List<Level> no = ask == Candle.NONE ? List.of() : List.of(new Level(tick.maxTicks() - ask, displayed));
            events.add(new BookSnapshot(c.endTs(), Long.MAX_VALUE, market, yes, no));
        }
        return events;
    }

    /** The snapshots of several markets, merged in time order (then by market). */
    public static List<MarketEvent> merged(List<List<MarketEvent>> perMarket) {
        List<MarketEvent> all = new ArrayList<>();
        perMarket.forEach(all::addAll);
        all.sort(Comparator.comparingLong(MarketEvent::ts).thenComparingInt(e -> ((BookSnapshot) e).market()));
        return all;
    }
}
