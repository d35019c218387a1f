package io.kbt.feeds;

import com.fasterxml.jackson.databind.JsonNode;
import io.kbt.engine.event.BookDelta;
import io.kbt.engine.event.BookSide;
import io.kbt.engine.event.BookSnapshot;
import io.kbt.engine.event.Level;
import io.kbt.engine.event.MarketEvent;
import io.kbt.engine.event.Trade;
import io.kbt.engine.market.TickSize;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recorded Kalshi websocket frames (JSONL, one frame {@code {type, sid, seq, msg}} per line, gzip accepted) as
 * book and trade events: {@code orderbook_snapshot} → {@link BookSnapshot}, {@code orderbook_delta} →
 * {@link BookDelta}, {@code trade} → {@link Trade}; every other frame type is counted as {@code skipped:<type>}.
 *
 * <p>Both field generations are read, in any mix: integer cents and integer counts ({@code yes}/{@code no},
 * {@code price}, {@code delta}, {@code yes_price}, {@code count}) and dollar strings with fixed-point counts
 * ({@code yes_dollars_fp}, {@code no_dollars_fp}, {@code price_dollars}, {@code delta_fp},
 * {@code yes_price_dollars}, {@code count_fp}).
 *
 * <p>Time: {@code ts} as RFC 3339 (microseconds), else {@code ts_ms}, else {@code ts} as epoch seconds. A data
 * frame without any (Kalshi's snapshots carry none) takes the time of the latest earlier data frame that had one,
 * or, before the first such frame, the time of the next one. A frame earlier than the file's latest time in
 * another market is raised to that time (counted as {@code ts_raised}) so the output stays in (ts, seq) order;
 * going backwards within one market is bad input. {@code seq} of the events is the line number.
 *
 * <p>Sequence: {@code seq} is checked per {@code sid}, control frames included. A gap is a warning naming the
 * line and the seq numbers; the markets whose book comes on that subscription then wait for their next snapshot,
 * their deltas and trades counted as {@code skipped_after_gap:delta} / {@code skipped_after_gap:trade}. Without
 * a gap, a delta or trade for a market with no snapshot yet is bad input.
 */
public final class KalshiWsReader implements FeedReader {
    /** Event counters in {@link #stats()}. */
    public static final String SNAPSHOT = "snapshot";

    public static final String DELTA = "delta";
    public static final String TRADE = "trade";
    public static final String GAP = "gap";
    public static final String TS_RAISED = "ts_raised";
    public static final String SKIPPED = "skipped:";
    public static final String SKIPPED_AFTER_GAP = "skipped_after_gap:";

    private static final long NO_TIME = Long.MIN_VALUE;

    private record Ready(MarketEvent event, long line) {}

    /** What the reader knows of one market while reading. */
    private static final class MarketState {
        final String ticker;
        final int id;
        final TickSize tick;
        boolean snapshotSeen;
        boolean waitingForSnapshot;
        long bookSid = Long.MIN_VALUE;
        long lastRawTs = NO_TIME;

        MarketState(String ticker, int id, TickSize tick) {
            this.ticker = ticker;
            this.id = id;
            this.tick = tick;
        }
    }

    private final LineSource lines;
    private final TickerRegistry registry;
    private final JsonFields fields;
    private final FeedStats stats = new FeedStats();
    private final Map<String, MarketState> markets = new HashMap<>();
    private final Map<Long, Long> lastSeqBySid = new HashMap<>();
    private final Set<Long> sidsWithGap = new HashSet<>();
    private final ArrayDeque<Ready> ready = new ArrayDeque<>();
    /** Data frames read before any frame carried a time; they get the next frame's time. */
    private final List<Ready> untimed = new ArrayList<>();
    private long latestTs = NO_TIME;
    private long line;
    private boolean anyLine;
    private boolean finished;

    public KalshiWsReader(Path file, TickerRegistry registry) {
        this(file, file.toString(), registry);
    }

    /** Reads {@code file} but names it {@code sourceName} in errors (e.g. as the user typed it). */
    public KalshiWsReader(Path file, String sourceName, TickerRegistry registry) {
        this.lines = new LineSource(file, sourceName);
        this.registry = registry;
        this.fields = new JsonFields(sourceName);
    }

    @Override
    public MarketEvent next() {
        while (ready.isEmpty()) {
            if (finished) {
                return null;
            }
            if (!lines.next()) {
                finish();
                continue;
            }
            if (lines.blank()) {
                continue;
            }
            anyLine = true;
            fields.line(lines.lineNumber());
            frame(fields.parseObject(lines.chars(), lines.length()));
        }
        Ready next = ready.poll();
        line = next.line;
        return next.event;
    }

    private void finish() {
        finished = true;
        if (!anyLine) {
            throw new BadInputException(lines.sourceName(), 0, "empty file: no frames");
        }
        if (!untimed.isEmpty()) {
            throw new BadInputException(lines.sourceName(), untimed.get(0).line,
                    "no frame in the file carries a timestamp, so its snapshots cannot be placed in time");
        }
    }

    private void frame(JsonNode frame) {
        String type = fields.text(frame, "type");
        Long sid = fields.optionalLong(frame, "sid");
        Long seq = fields.optionalLong(frame, "seq");
        if (seq != null) {
            checkSeq(sid == null ? -1 : sid, seq);
        }
        switch (type) {
            case "orderbook_snapshot" -> snapshot(fields.object(frame, "msg"), sid);
            case "orderbook_delta" -> delta(fields.object(frame, "msg"), sid);
            case "trade" -> trade(fields.object(frame, "msg"), sid);
            default -> stats.increment(SKIPPED + type);
        }
    }

    private void checkSeq(long sid, long seq) {
        Long last = lastSeqBySid.put(sid, seq);
        if (last == null || seq == last + 1) {
            return;
        }
        stats.increment(GAP);
        List<String> affected = new ArrayList<>();
        for (MarketState market : markets.values()) {
            if (market.bookSid == sid) {
                market.waitingForSnapshot = true;
                affected.add(market.ticker);
            }
        }
        affected.sort(null);
        sidsWithGap.add(sid);
        String what = seq > last ? (seq - last - 1) + " frame(s) missing" : "seq went back";
        stats.warn(lines.sourceName() + ":" + fields.line() + ": seq gap on sid " + sid + ": expected " + (last + 1)
                + ", got " + seq + " (" + what + "); " + (affected.isEmpty() ? "no book affected"
                        : "books of " + String.join(", ", affected) + " wait for their next snapshot"));
    }

    private MarketState market(String ticker) {
        MarketState state = markets.get(ticker);
        if (state == null) {
            state = new MarketState(ticker, registry.marketId(ticker), registry.tickSize(ticker));
            markets.put(ticker, state);
        }
        return state;
    }

    private void snapshot(JsonNode msg, Long sid) {
        MarketState market = market(fields.text(msg, "market_ticker"));
        List<Level> yes = levels(msg, "yes", market);
        List<Level> no = levels(msg, "no", market);
        long ts = timeOf(msg, market);
        market.snapshotSeen = true;
        market.waitingForSnapshot = false;
        market.bookSid = sid == null ? -1 : sid;
        stats.increment(SNAPSHOT);
        emit(new BookSnapshot(ts, fields.line(), market.id, yes, no), ts);
    }

    private List<Level> levels(JsonNode msg, String side, MarketState market) {
        String field;
        boolean dollars;
        if (JsonFields.has(msg, side + "_dollars_fp")) {
            field = side + "_dollars_fp";
            dollars = true;
        } else if (JsonFields.has(msg, side + "_dollars")) {
            field = side + "_dollars";
            dollars = true;
        } else if (JsonFields.has(msg, side)) {
            field = side;
            dollars = false;
        } else {
            return List.of();
        }
        JsonNode array = msg.get(field);
        if (!array.isArray()) {
            throw fields.bad("field \"" + field + "\" must be an array of [price, count], was " + JsonFields.kind(array));
        }
        List<Level> levels = new ArrayList<>(array.size());
        for (JsonNode level : array) {
            if (!level.isArray() || level.size() != 2) {
                throw fields.bad("each level of \"" + field + "\" must be [price, count], found " + level);
            }
            int price = fields.price(level.get(0), field, dollars, market.tick, market.ticker);
            JsonNode qtyNode = level.get(1);
            long quantity = fields.count(qtyNode, field, dollars || qtyNode.isTextual());
            if (quantity < 0) {
                throw fields.bad("negative count " + qtyNode + " in \"" + field + "\" of " + market.ticker);
            }
            levels.add(new Level(price, quantity));
        }
        return levels;
    }

    private void delta(JsonNode msg, Long sid) {
        MarketState market = market(fields.text(msg, "market_ticker"));
        if (skipWithoutBook(market, sid, DELTA)) {
            return;
        }
        boolean dollars = JsonFields.has(msg, "price_dollars");
        int price = fields.price(msg.get(dollars ? "price_dollars" : "price"), dollars ? "price_dollars" : "price",
                dollars, market.tick, market.ticker);
        boolean fixedPoint = JsonFields.has(msg, "delta_fp");
        long delta = fields.count(msg.get(fixedPoint ? "delta_fp" : "delta"), fixedPoint ? "delta_fp" : "delta",
                fixedPoint);
        BookSide side = fields.side(msg, "side");
        long ts = timeOf(msg, market);
        stats.increment(DELTA);
        emit(new BookDelta(ts, fields.line(), market.id, side, price, delta), ts);
    }

    private void trade(JsonNode msg, Long sid) {
        MarketState market = market(fields.text(msg, "market_ticker"));
        if (skipWithoutBook(market, sid, TRADE)) {
            return;
        }
        int yesPrice = tradeYesPrice(msg, market, fields);
        boolean fixedPoint = JsonFields.has(msg, "count_fp");
        long count = fields.count(msg.get(fixedPoint ? "count_fp" : "count"), fixedPoint ? "count_fp" : "count",
                fixedPoint);
        if (count <= 0) {
            throw fields.bad("trade count must be positive, was " + msg.get(fixedPoint ? "count_fp" : "count"));
        }
        BookSide taker = fields.side(msg, "taker_side");
        long ts = timeOf(msg, market);
        stats.increment(TRADE);
        emit(new Trade(ts, fields.line(), market.id, yesPrice, count, taker), ts);
    }

    /**
     * The yes price of a trade object from {@code yes_price_dollars}/{@code yes_price}, checked against its no
     * price when both are given; shared with the REST trades reader.
     */
    static int tradeYesPrice(JsonNode trade, MarketState market, JsonFields fields) {
        return tradeYesPrice(trade, market.tick, market.ticker, fields);
    }

    static int tradeYesPrice(JsonNode trade, TickSize tick, String ticker, JsonFields fields) {
        Integer yes = priceIfPresent(trade, "yes_price", tick, ticker, fields);
        Integer no = priceIfPresent(trade, "no_price", tick, ticker, fields);
        if (yes == null && no == null) {
            throw fields.bad("trade of " + ticker + " has no yes_price or no_price");
        }
        if (yes != null && no != null && yes + no != tick.maxTicks()) {
            throw fields.bad("trade of " + ticker + ": yes and no prices do not add up to $1");
        }
        return yes != null ? yes : tick.maxTicks() - no;
    }

    private static Integer priceIfPresent(JsonNode trade, String name, TickSize tick, String ticker,
            JsonFields fields) {
        if (JsonFields.has(trade, name + "_dollars")) {
            return fields.price(trade.get(name + "_dollars"), name + "_dollars", true, tick, ticker);
        }
        if (JsonFields.has(trade, name)) {
            return fields.price(trade.get(name), name, false, tick, ticker);
        }
        return null;
    }

    /** True (and counted) when the market's book is broken by a gap; bad input when it never had a snapshot. */
    private boolean skipWithoutBook(MarketState market, Long sid, String kind) {
        if (market.waitingForSnapshot || (!market.snapshotSeen && sidsWithGap.contains(sid == null ? -1 : sid))) {
            stats.increment(SKIPPED_AFTER_GAP + kind);
            return true;
        }
        if (!market.snapshotSeen) {
            throw fields.bad(kind + " for " + market.ticker + " before any snapshot of it in the stream");
        }
        return false;
    }

    /** The event time of a data frame: its own, else the latest earlier one; {@link #NO_TIME} when none yet. */
    private long timeOf(JsonNode msg, MarketState market) {
        long raw = fields.messageTime(msg);
        if (raw == NO_TIME) {
            return latestTs;
        }
        if (market.lastRawTs != NO_TIME && raw < market.lastRawTs) {
            throw fields.bad("timestamp goes backwards in " + market.ticker + ": " + msg.get("ts") + " after an event "
                    + (market.lastRawTs - raw) + " µs later");
        }
        market.lastRawTs = raw;
        if (latestTs != NO_TIME && raw < latestTs) {
            stats.increment(TS_RAISED);
            return latestTs;
        }
        latestTs = raw;
        return raw;
    }

    private void emit(MarketEvent event, long ts) {
        if (ts == NO_TIME) {
            untimed.add(new Ready(event, fields.line()));
            return;
        }
        if (!untimed.isEmpty()) {
            for (Ready pending : untimed) {
                ready.add(new Ready(withTime(pending.event, ts), pending.line));
            }
            untimed.clear();
        }
        ready.add(new Ready(event, fields.line()));
    }

    private static MarketEvent withTime(MarketEvent event, long ts) {
        return switch (event) {
            case BookSnapshot s -> new BookSnapshot(ts, s.seq(), s.market(), s.yesBids(), s.noBids());
            case BookDelta d -> new BookDelta(ts, d.seq(), d.market(), d.side(), d.price(), d.delta());
            case Trade t -> new Trade(ts, t.seq(), t.market(), t.yesPrice(), t.count(), t.takerSide());
            default -> throw new IllegalStateException("unexpected untimed event " + event);
        };
    }

    @Override
    public String sourceName() {
        return lines.sourceName();
    }

    @Override
    public long line() {
        return line;
    }

    @Override
    public FeedStats stats() {
        return stats;
    }

    @Override
    public void close() {
        lines.close();
    }
}
