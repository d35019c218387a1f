package io.kbt.runner.sweep;

import io.kbt.engine.event.BookDelta;
import io.kbt.engine.event.BookSnapshot;
import io.kbt.engine.event.EventSource;
import io.kbt.engine.event.IndexTick;
import io.kbt.engine.event.MarketClose;
import io.kbt.engine.event.MarketEvent;
import io.kbt.engine.event.Trade;
import io.kbt.engine.market.Instruments;
import io.kbt.engine.market.Market;
import io.kbt.engine.market.Selection;
import io.kbt.engine.replay.EventTape;
import io.kbt.engine.event.DataSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits one ordered read of the whole selection into its shards' tapes, one shard at a time: a shard is
 * complete when the stream passes the end of its window, so only the shard being read is held. Market events go
 * to their market's shard, index ticks to the shard whose window holds them. A market event that arrives outside
 * its shard's window means markets share time the plan did not see (e.g. a market without an open time traded
 * before its close day); that is refused, since splitting there would change the answer.
 */
public final class ShardStream {
    private final List<Shard> shards;
    private final Instruments full;
    private final EventSource events;
    private final int[] shardOf;
    private final long[] windowEnd;
    private MarketEvent pending;
    private int next;

    public ShardStream(ShardPlan plan, DataSet data) {
        this.shards = plan.shards();
        this.full = data.instruments();
        this.events = data.events();
        Map<String, Integer> shardByTicker = new HashMap<>();
        for (Shard shard : shards) {
            shard.tickers().forEach(t -> shardByTicker.put(t, shard.index()));
        }
        shardOf = new int[full.markets().size()];
        for (Market market : full.markets()) {
            // An unsharded plan names series, not tickers: every market is in its only shard.
            shardOf[market.id()] = shards.size() == 1 ? 0 : shardByTicker.getOrDefault(market.ticker(), -1);
        }
        windowEnd = new long[shards.size()];
        for (int s = 0; s < shards.size(); s++) {
            Shard shard = shards.get(s);
            windowEnd[s] = s == shards.size() - 1 ? Long.MAX_VALUE
                    : new Selection(List.of(), List.of(), shard.first(), shard.last()).toMicrosExclusive();
        }
        pending = events.next();
    }

    public boolean hasNext() {
        return next < shards.size();
    }

    /** Reads the next shard's events into a tape. */
    public ShardData next() {
        long started = System.nanoTime();
        int s = next++;
        Shard shard = shards.get(s);
        List<Market> markets = new ArrayList<>();
        int[] localOf = new int[full.markets().size()];
        Arrays.fill(localOf, -1);
        List<Integer> fullIds = new ArrayList<>();
        for (Market market : full.markets()) {
            if (shardOf[market.id()] == s) {
                localOf[market.id()] = markets.size();
                fullIds.add(market.id());
                markets.add(renumbered(market, markets.size()));
            }
        }
        EventTape tape = EventTape.record(new EventSource() {
            @Override
            public MarketEvent next() {
                MarketEvent event = pending;
                if (event == null || event.ts() >= windowEnd[s]) {
                    return null;
                }
                pending = events.next();
                return local(event, s, localOf);
            }

            @Override
            public void close() {}
        });
        Instruments instruments = new Instruments(markets, full.symbols());
        return new ShardData(shard, instruments, tape, fullIds.stream().mapToInt(Integer::intValue).toArray(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private MarketEvent local(MarketEvent event, int s, int[] localOf) {
        int market = switch (event) {
            case BookSnapshot e -> e.market();
            case BookDelta e -> e.market();
            case Trade e -> e.market();
            case MarketClose e -> e.market();
            case IndexTick e -> -1;
        };
        if (market < 0) {
            return event;
        }
        if (shardOf[market] != s) {
            throw new ShardingException("market " + full.market(market).ticker() + " has data at "
                    + java.time.Instant.EPOCH.plusNanos(event.ts() * 1_000) + ", outside its shard's days "
                    + shards.get(shardOf[market]).first() + ".." + shards.get(shardOf[market]).last()
                    + "; markets share time across days, run the sweep with --shards off");
        }
        int id = localOf[market];
        return switch (event) {
            case BookSnapshot e -> new BookSnapshot(e.ts(), e.seq(), id, e.yesBids(), e.noBids());
            case BookDelta e -> new BookDelta(e.ts(), e.seq(), id, e.side(), e.price(), e.delta());
            case Trade e -> new Trade(e.ts(), e.seq(), id, e.yesPrice(), e.count(), e.takerSide());
            case MarketClose e -> new MarketClose(e.ts(), e.seq(), id);
            case IndexTick e -> e;
        };
    }

    static Market renumbered(Market m, int id) {
        return new Market(id, m.ticker(), m.eventTicker(), m.seriesTicker(), m.strikeType(), m.floorStrike(),
                m.capStrike(), m.underlying(), m.openTime(), m.closeTime(), m.result(), m.tickSize());
    }
}
