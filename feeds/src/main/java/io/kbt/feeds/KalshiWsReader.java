package io.kbt.feeds;

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
import java.util.Comparator;
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
 * a gap, a delta or trade for a market with no snapshot yet is bad input. An exact repeat of a frame already seen
 * on its sid (same seq, same bytes) is dropped and counted as {@code duplicate_frame}.
 *
 * <p>Rotated recordings: given the states earlier files ended in ({@link #continuing}), a file whose first frame's
 * seq follows on from one of them continues it: its seq checks go on from there and the books known then stay
 * known, so their deltas need no new snapshot (counted as {@code continued_book}).
 *
 * <p>A frame that carries a value in both field generations (e.g. {@code price} and {@code price_dollars}) must
 * give the same value in both; disagreement is bad input.
 */
public final class KalshiWsReader extends LineFeedReader {
    /**
     * Scanning threads of one file at most: a directory decodes its files side by side, one per core, so readers
     * with a thread per core each would start cores × cores threads (and their chunk buffers) on a big machine.
     */
    private static final int MAX_SCANNERS = 4;

    /** Event counters in {@link #stats()}. */
    public static final String SNAPSHOT = "snapshot";

    public static final String DELTA = "delta";
    public static final String TRADE = "trade";
    public static final String GAP = "gap";
    public static final String TS_RAISED = "ts_raised";
    public static final String SKIPPED = "skipped:";
    public static final String SKIPPED_AFTER_GAP = "skipped_after_gap:";
    public static final String DUPLICATE_FRAME = "duplicate_frame";
    public static final String CONTINUED_BOOK = "continued_book";
    /** Frames remembered per sid to recognise an exact repeat. */
    private static final int RECENT_FRAMES = 256;

    private static final long NO_TIME = Long.MIN_VALUE;


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

    private final TickerRegistry registry;
    private final JsonFields fields;
    private final WsFrames frames;
    /** The frame being read. */
    private WsFrame frame;
    private final Map<String, MarketState> markets = new HashMap<>();
    private final Map<Long, Long> lastSeqBySid = new HashMap<>();
    private final Set<Long> sidsWithGap = new HashSet<>();
    private final Map<Long, RecentFrames> recentBySid = new HashMap<>();
    private final Set<Integer> continuedMarkets = new HashSet<>();
    private List<WsStreamState> earlierFiles = List.of();
    private boolean continuationDecided;
    /** Events parsed but not yet handed out; each one's seq is its line. */
    private final ArrayDeque<MarketEvent> ready = new ArrayDeque<>();
    /** Data frames read before any frame carried a time; they get the next frame's time. */
    private final List<MarketEvent> untimed = new ArrayList<>();
    private long latestTs = NO_TIME;
    private boolean anyLine;
    private boolean finished;

    public KalshiWsReader(Path file, TickerRegistry registry) {
        this(file, file.toString(), registry);
    }

    /** Reads {@code file} but names it {@code sourceName} in errors (e.g. as the user typed it). */
    public KalshiWsReader(Path file, String sourceName, TickerRegistry registry) {
        super(file, sourceName);
        this.registry = registry;
        this.fields = new JsonFields(sourceName);
        int scanners = Math.min(Runtime.getRuntime().availableProcessors(), MAX_SCANNERS);
        this.frames = scanners > 1 ? new ChunkedWsFrames(lines.stream(), sourceName, scanners)
                : new InlineWsFrames(lines, sourceName);
    }

    /**
     * The states earlier files of recordings ended in; the one this file's first frame continues (same sid, next
     * seq) carries its seq checks and known books over. Call before reading.
     */
    public void continuing(List<WsStreamState> earlier) {
        this.earlierFiles = List.copyOf(earlier);
    }

    /** Where the recording stands after the frames read so far. */
    public WsStreamState endState() {
        Map<String, Long> books = new HashMap<>();
        for (MarketState market : markets.values()) {
            if (market.snapshotSeen && !market.waitingForSnapshot) {
                books.put(market.ticker, market.bookSid);
            }
        }
        return new WsStreamState(latestTs, lastSeqBySid, books);
    }

    @Override
    public boolean bookContinued(int market) {
        return continuedMarkets.contains(market);
    }

    /**
     * Reads frames from an uncompressed stream as they come ({@code kbt record} stores a file in the database while
     * writing it); {@code sourceName} names the file in errors.
     */
    public KalshiWsReader(java.io.InputStream in, String sourceName, TickerRegistry registry) {
        super(in, sourceName);
        this.registry = registry;
        this.fields = new JsonFields(sourceName);
        this.frames = new InlineWsFrames(lines, sourceName);
    }

    @Override
    public MarketEvent next() {
        while (ready.isEmpty()) {
            if (finished) {
                return null;
            }
            frame = frames.next();
            if (frame == null) {
                finish();
                continue;
            }
            anyLine = true;
            fields.line(frame.line);
            frame();
        }
        MarketEvent next = ready.poll();
        line = next.seq();
        return next;
    }

    @Override
    public void close() {
        try {
            frames.close();
        } finally {
            super.close();
        }
    }

    private void finish() {
        finished = true;
        if (!anyLine) {
            throw new BadInputException(lines.sourceName(), 0, "empty file: no frames");
        }
        if (!untimed.isEmpty()) {
            throw new BadInputException(lines.sourceName(), untimed.get(0).seq(),
                    "no frame in the file carries a timestamp, so its snapshots cannot be placed in time");
        }
    }

    private void frame() {
        if (!frame.type.isString()) {
            throw fields.bad("field \"type\" must be a string, was " + frame.type.kind());
        }
        String type = frame.type.text();
        long sid = frame.sid.present() ? integer(frame.sid, "sid") : -1;
        if (frame.seq.present()) {
            long seq = integer(frame.seq, "seq");
            if (!continuationDecided) {
                continueFrom(sid, seq);
            }
            if (repeated(sid, seq)) {
                stats.increment(DUPLICATE_FRAME);
                return;
            }
            checkSeq(sid, seq);
        }
        boolean data = type.equals("orderbook_snapshot") || type.equals("orderbook_delta") || type.equals("trade");
        if (data && frame.msgNotObject != null) {
            throw fields.bad("field \"msg\" must be an object, was " + frame.msgNotObject.kind());
        }
        switch (type) {
            case "orderbook_snapshot" -> snapshot(sid);
            case "orderbook_delta" -> delta(sid);
            case "trade" -> trade(sid);
            default -> stats.increment(SKIPPED + type);
        }
    }

    private long integer(JsonValue value, String field) {
        if (!value.isInteger()) {
            throw fields.bad("field \"" + field + "\" must be an integer, was " + value.kind());
        }
        try {
            return Long.parseLong(value.text());
        } catch (NumberFormatException e) {
            throw fields.bad("field \"" + field + "\" is too large: " + value.text());
        }
    }

    /** The market of the frame's ticker; a ticker is checked the first time it is met, not on every frame. */
    private MarketState frameMarket() {
        if (frame.marketTicker.isString()) {
            MarketState known = markets.get(frame.marketTicker.text());
            if (known != null) {
                return known;
            }
        }
        return market(fields.ticker(frame.marketTicker, "market_ticker"));
    }

    /**
     * Adopts the states of the earlier files this one continues: those whose seq on {@code sid} ends just before
     * {@code seq}. Subscription ids restart with every connection, so several recordings may match; a book any of
     * them knew is known (the store holds its state), and the latest of them gives the other sids' seqs.
     */
    private void continueFrom(long sid, long seq) {
        continuationDecided = true;
        WsStreamState latest = null;
        for (WsStreamState state : earlierFiles) {
            if (!state.continuedBy(sid, seq)) {
                continue;
            }
            if (latest == null || state.lastTs() > latest.lastTs()) {
                latest = state;
            }
            for (Map.Entry<String, Long> book : state.bookSidByTicker().entrySet()) {
                MarketState market = market(book.getKey());
                if (continuedMarkets.add(market.id)) {
                    market.snapshotSeen = true;
                    market.bookSid = book.getValue();
                    stats.increment(CONTINUED_BOOK);
                }
            }
        }
        if (latest != null) {
            lastSeqBySid.putAll(latest.lastSeqBySid());
            latestTs = latest.lastTs();
        }
    }

    /** Whether this frame repeats, byte for byte, the frame with the same seq already seen on its sid. */
    private boolean repeated(long sid, long seq) {
        long hash = frame.hash;
        RecentFrames recent = recentBySid.computeIfAbsent(sid, k -> new RecentFrames());
        Long last = lastSeqBySid.get(sid);
        if (last != null && seq <= last && recent.has(seq, hash, frame.byteLength)) {
            return true;
        }
        recent.put(seq, hash, frame.byteLength);
        return false;
    }

    /** The seq, hash and length of the last few frames of one sid. */
    private static final class RecentFrames {
        private final long[] seqs = new long[RECENT_FRAMES];
        private final long[] hashes = new long[RECENT_FRAMES];
        private final int[] lengths = new int[RECENT_FRAMES];
        private final boolean[] used = new boolean[RECENT_FRAMES];

        void put(long seq, long hash, int length) {
            int slot = (int) Math.floorMod(seq, (long) RECENT_FRAMES);
            seqs[slot] = seq;
            hashes[slot] = hash;
            lengths[slot] = length;
            used[slot] = true;
        }

        boolean has(long seq, long hash, int length) {
            int slot = (int) Math.floorMod(seq, (long) RECENT_FRAMES);
            return used[slot] && seqs[slot] == seq && hashes[slot] == hash && lengths[slot] == length;
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

    private void snapshot(long sid) {
        MarketState market = frameMarket();
        List<Level> yes = levels(0, market);
        List<Level> no = levels(1, market);
        long ts = timeOf(market);
        market.snapshotSeen = true;
        market.waitingForSnapshot = false;
        market.bookSid = sid;
        stats.increment(SNAPSHOT);
        emit(new BookSnapshot(ts, fields.line(), market.id, yes, no), ts);
    }

    /**
     * The levels of one side ({@code 0} yes, {@code 1} no) from the newest field generation present; every other
     * generation present must give the same levels.
     */
    private List<Level> levels(int side, MarketState market) {
        List<Level> levels = null;
        String first = null;
        for (int index = side + 4; index >= side; index -= 2) {
            if (!frame.levelsPresent[index] && !(index == side && levels == null)) {
                continue;
            }
            List<Level> these = generation(index, market);
            if (levels == null) {
                levels = these;
                first = WsFrame.LEVEL_FIELDS[index];
            } else if (!sorted(these).equals(sorted(levels))) {
                throw fields.bad("\"" + first + "\" and \"" + WsFrame.LEVEL_FIELDS[index] + "\" of " + market.ticker
                        + " disagree");
            }
        }
        return levels;
    }

    private static List<Level> sorted(List<Level> levels) {
        return levels.stream().sorted(Comparator.comparingInt(Level::price)).toList();
    }

    private List<Level> generation(int index, MarketState market) {
        String field = WsFrame.LEVEL_FIELDS[index];
        boolean dollars = index >= 2;
        List<JsonValue[]> pairs = frame.levels.get(index);
        List<Level> levels = new ArrayList<>(pairs.size());
        for (JsonValue[] pair : pairs) {
            int price = fields.price(pair[0], field, dollars, market.tick, market.ticker);
            long quantity = fields.count(pair[1], field, dollars || pair[1].isString());
            if (quantity < 0) {
                throw fields.bad("negative count " + pair[1].text() + " in \"" + field + "\" of " + market.ticker);
            }
            levels.add(new Level(price, quantity));
        }
        return levels;
    }

    private void delta(long sid) {
        MarketState market = frameMarket();
        if (skipWithoutBook(market, sid, DELTA)) {
            return;
        }
        boolean dollars = frame.priceDollars.present();
        int price = fields.price(dollars ? frame.priceDollars : frame.price, dollars ? "price_dollars" : "price",
                dollars, market.tick, market.ticker);
        if (dollars && frame.price.present()
                && fields.price(frame.price, "price", false, market.tick, market.ticker) != price) {
            throw disagree("price", frame.price, "price_dollars", frame.priceDollars, market);
        }
        boolean fixedPoint = frame.deltaFp.present();
        long delta = fields.count(fixedPoint ? frame.deltaFp : frame.delta, fixedPoint ? "delta_fp" : "delta",
                fixedPoint);
        if (fixedPoint && frame.delta.present() && fields.count(frame.delta, "delta", false) != delta) {
            throw disagree("delta", frame.delta, "delta_fp", frame.deltaFp, market);
        }
        BookSide side = fields.side(frame.side, "side");
        long ts = timeOf(market);
        stats.increment(DELTA);
        emit(new BookDelta(ts, fields.line(), market.id, side, price, delta), ts);
    }

    private void trade(long sid) {
        MarketState market = frameMarket();
        if (skipWithoutBook(market, sid, TRADE)) {
            return;
        }
        int yesPrice = tradeYesPrice(frame.yesPrice, frame.noPrice, frame.yesPriceDollars, frame.noPriceDollars,
                market.tick, market.ticker, fields);
        boolean fixedPoint = frame.countFp.present();
        JsonValue countValue = fixedPoint ? frame.countFp : frame.count;
        long count = fields.count(countValue, fixedPoint ? "count_fp" : "count", fixedPoint);
        if (fixedPoint && frame.count.present() && fields.count(frame.count, "count", false) != count) {
            throw disagree("count", frame.count, "count_fp", frame.countFp, market);
        }
        if (count <= 0) {
            throw fields.bad("trade count must be positive, was " + countValue.text());
        }
        BookSide taker = fields.side(frame.takerSide, "taker_side");
        long ts = timeOf(market);
        stats.increment(TRADE);
        emit(new Trade(ts, fields.line(), market.id, yesPrice, count, taker), ts);
    }

    /**
     * The yes price of a trade from {@code yes_price_dollars}/{@code yes_price}, else from its no price; both
     * given must add up to $1. Shared with the REST trades reader.
     */
    static int tradeYesPrice(JsonValue yesCents, JsonValue noCents, JsonValue yesDollars, JsonValue noDollars,
            TickSize tick, String ticker, JsonFields fields) {
        Integer yes = price(yesCents, "yes_price", yesDollars, "yes_price_dollars", tick, ticker, fields);
        Integer no = price(noCents, "no_price", noDollars, "no_price_dollars", tick, ticker, fields);
        if (yes == null && no == null) {
            throw fields.bad("trade of " + ticker + " has no yes_price or no_price");
        }
        if (yes != null && no != null && yes + no != tick.maxTicks()) {
            throw fields.bad("trade of " + ticker + ": yes and no prices do not add up to $1");
        }
        return yes != null ? yes : tick.maxTicks() - no;
    }

    private BadInputException disagree(String old, JsonValue oldValue, String newer, JsonValue newValue,
            MarketState market) {
        return fields.bad("\"" + old + "\":" + oldValue.text() + " and \"" + newer + "\":\"" + newValue.text()
                + "\" of " + market.ticker + " disagree");
    }

    /** A price given in cents, in dollars or in both (which must then agree); {@code null} when in neither. */
    private static Integer price(JsonValue cents, String centsField, JsonValue dollars, String dollarsField,
            TickSize tick, String ticker, JsonFields fields) {
        Integer fromDollars = dollars.present() ? fields.price(dollars, dollarsField, true, tick, ticker) : null;
        Integer fromCents = cents.present() ? fields.price(cents, centsField, false, tick, ticker) : null;
        if (fromDollars != null && fromCents != null && !fromDollars.equals(fromCents)) {
            throw fields.bad("\"" + centsField + "\":" + cents.text() + " and \"" + dollarsField + "\":\""
                    + dollars.text() + "\" of " + ticker + " disagree");
        }
        return fromDollars != null ? fromDollars : fromCents;
    }

    /** True (and counted) when the market's book is broken by a gap; bad input when it never had a snapshot. */
    private boolean skipWithoutBook(MarketState market, long sid, String kind) {
        if (market.waitingForSnapshot || (!market.snapshotSeen && sidsWithGap.contains(sid))) {
            stats.increment(SKIPPED_AFTER_GAP + kind);
            return true;
        }
        if (!market.snapshotSeen) {
            throw fields.bad(kind + " for " + market.ticker + " before any snapshot of it in the stream");
        }
        return false;
    }

    /** The event time of a data frame: its own, else the latest earlier one; {@link #NO_TIME} when none yet. */
    private long timeOf(MarketState market) {
        long raw = fields.messageTime(frame.ts, frame.tsMs);
        if (raw == NO_TIME) {
            return latestTs;
        }
        if (market.lastRawTs != NO_TIME && raw < market.lastRawTs) {
            throw fields.bad("timestamp goes backwards in " + market.ticker + ": " + frame.ts.text() + " after an event "
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
            untimed.add(event);
            return;
        }
        if (!untimed.isEmpty()) {
            for (MarketEvent pending : untimed) {
                ready.add(withTime(pending, ts));
            }
            untimed.clear();
        }
        ready.add(event);
    }

    private static MarketEvent withTime(MarketEvent event, long ts) {
        return switch (event) {
            case BookSnapshot s -> new BookSnapshot(ts, s.seq(), s.market(), s.yesBids(), s.noBids());
            case BookDelta d -> new BookDelta(ts, d.seq(), d.market(), d.side(), d.price(), d.delta());
            case Trade t -> new Trade(ts, t.seq(), t.market(), t.yesPrice(), t.count(), t.takerSide());
            default -> throw new IllegalStateException("unexpected untimed event " + event);
        };
    }
}
