package io.kbt.feeds;

import com.fasterxml.jackson.databind.JsonNode;
import io.kbt.engine.event.BookSide;
import io.kbt.engine.event.MarketEvent;
import io.kbt.engine.event.Trade;
import io.kbt.engine.market.TickSize;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pages of Kalshi's REST {@code GET /markets/trades} ({@code {trades:[{trade_id, ticker, count, yes_price,
 * no_price, taker_side, created_time}], cursor}}; one page, an array of pages, or one page per line) as
 * {@link Trade} events. Both field generations are read ({@code count_fp}, {@code yes_price_dollars}, ...).
 * Kalshi returns newest first, so the whole file is read and sorted by time, stably: equal times keep file order.
 * {@code seq} is the trade's position in the file (1-based); a repeated {@code trade_id} (overlapping pages) is
 * counted as {@code skipped:duplicate} and dropped, unless its fields differ (bad input). Each trade's id is its
 * identity in the store ({@link #tradeId()}).
 */
public final class RestTradesReader implements FeedReader {
    public static final String TRADE = "trade";
    public static final String DUPLICATE = "skipped:duplicate";

    private record Parsed(Trade trade, long line, String tradeId) {}

    private final Path file;
    private final String sourceName;
    private final TickerRegistry registry;
    private final FeedStats stats = new FeedStats();
    private List<Parsed> trades;
    private int next;
    private long line;
    private String tradeId;

    public RestTradesReader(Path file, TickerRegistry registry) {
        this(file, file.toString(), registry);
    }

    /** Reads {@code file} but names it {@code sourceName} in errors. */
    public RestTradesReader(Path file, String sourceName, TickerRegistry registry) {
        this.file = file;
        this.sourceName = sourceName;
        this.registry = registry;
    }

    @Override
    public MarketEvent next() {
        if (trades == null) {
            trades = readAll();
        }
        if (next >= trades.size()) {
            return null;
        }
        Parsed parsed = trades.get(next++);
        line = parsed.line;
        tradeId = parsed.tradeId;
        return parsed.trade;
    }

    private List<Parsed> readAll() {
        JsonFields fields = new JsonFields(sourceName);
        List<Parsed> all = new ArrayList<>();
        Map<String, Parsed> byId = new HashMap<>();
        new JsonDocuments(file, sourceName, fields).forEach("trades", node -> node.has("created_time"),
                (node, line) -> {
                    String id = fields.optionalText(node, "trade_id");
                    Parsed parsed = new Parsed(trade(node, all.size() + 1L, fields), line, id);
                    Parsed earlier = id == null ? null : byId.putIfAbsent(id, parsed);
                    if (earlier != null) {
                        if (!sameTrade(earlier.trade, parsed.trade)) {
                            throw fields.bad("trade_id " + id + " repeats the trade of line " + earlier.line
                                    + " with other fields");
                        }
                        stats.increment(DUPLICATE);
                        return;
                    }
                    all.add(parsed);
                    stats.increment(TRADE);
                });
        all.sort(Comparator.comparingLong(p -> p.trade.ts()));
        return all;
    }

    private static boolean sameTrade(Trade a, Trade b) {
        return a.ts() == b.ts() && a.market() == b.market() && a.yesPrice() == b.yesPrice() && a.count() == b.count()
                && a.takerSide() == b.takerSide();
    }

    private Trade trade(JsonNode node, long seq, JsonFields fields) {
        String ticker = JsonFields.has(node, "ticker") ? fields.ticker(node, "ticker")
                : fields.ticker(node, "market_ticker");
        TickSize tick = registry.tickSize(ticker);
        int yesPrice = KalshiWsReader.tradeYesPrice(JsonValue.of(node.get("yes_price")),
                JsonValue.of(node.get("no_price")), JsonValue.of(node.get("yes_price_dollars")),
                JsonValue.of(node.get("no_price_dollars")), tick, ticker, fields);
        boolean fixedPoint = JsonFields.has(node, "count_fp");
        String countField = fixedPoint ? "count_fp" : "count";
        long count = fields.count(node.get(countField), countField, fixedPoint);
        if (fixedPoint && JsonFields.has(node, "count") && fields.count(node.get("count"), "count", false) != count) {
            throw fields.bad("\"count\":" + node.get("count") + " and \"count_fp\":" + node.get("count_fp") + " of "
                    + ticker + " disagree");
        }
        if (count <= 0) {
            throw fields.bad("trade count must be positive, was " + node.get(countField));
        }
        BookSide taker = fields.side(node, "taker_side");
        long ts = fields.isoTime(node, "created_time");
        return new Trade(ts, seq, registry.marketId(ticker), yesPrice, count, taker);
    }

    @Override
    public String tradeId() {
        return tradeId;
    }

    @Override
    public String sourceName() {
        return sourceName;
    }

    @Override
    public long line() {
        return line;
    }

    @Override
    public FeedStats stats() {
        return stats;
    }
}
