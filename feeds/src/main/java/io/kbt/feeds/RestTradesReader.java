package io.kbt.feeds;

import com.fasterxml.jackson.databind.JsonNode;
import io.kbt.engine.event.BookSide;
import io.kbt.engine.event.MarketEvent;
import io.kbt.engine.event.Trade;
import io.kbt.engine.market.TickSize;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Pages of Kalshi's REST {@code GET /markets/trades} ({@code {trades:[{trade_id, ticker, count, yes_price,
 * no_price, taker_side, created_time}], cursor}}; one page, an array of pages, or one page per line) as
 * {@link Trade} events. Both field generations are read ({@code count_fp}, {@code yes_price_dollars}, ...).
 * Kalshi returns newest first, so the whole file is read and sorted by time, stably: equal times keep file order.
 * {@code seq} is the trade's position in the file (1-based); a repeated {@code trade_id} (overlapping pages) is
 * counted as {@code skipped:duplicate} and dropped.
 */
public final class RestTradesReader implements FeedReader {
    public static final String TRADE = "trade";
    public static final String DUPLICATE = "skipped:duplicate";

    private record Parsed(Trade trade, long line) {}

    private final Path file;
    private final String sourceName;
    private final TickerRegistry registry;
    private final FeedStats stats = new FeedStats();
    private List<Parsed> trades;
    private int next;
    private long line;

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
        return parsed.trade;
    }

    private List<Parsed> readAll() {
        JsonFields fields = new JsonFields(sourceName);
        List<Parsed> all = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        new JsonDocuments(file, sourceName, fields).forEach("trades", node -> node.has("created_time"),
                (node, line) -> {
                    String id = fields.optionalText(node, "trade_id");
                    if (id != null && !ids.add(id)) {
                        stats.increment(DUPLICATE);
                        return;
                    }
                    all.add(new Parsed(trade(node, all.size() + 1L, fields), line));
                    stats.increment(TRADE);
                });
        all.sort(Comparator.comparingLong(p -> p.trade.ts()));
        return all;
    }

    private Trade trade(JsonNode node, long seq, JsonFields fields) {
        String ticker = fields.optionalText(node, "ticker");
        if (ticker == null) {
            ticker = fields.text(node, "market_ticker");
        }
        TickSize tick = registry.tickSize(ticker);
        int yesPrice = KalshiWsReader.tradeYesPrice(JsonValue.of(node.get("yes_price")),
                JsonValue.of(node.get("no_price")), JsonValue.of(node.get("yes_price_dollars")),
                JsonValue.of(node.get("no_price_dollars")), tick, ticker, fields);
        boolean fixedPoint = JsonFields.has(node, "count_fp");
        String countField = fixedPoint ? "count_fp" : "count";
        long count = fields.count(node.get(countField), countField, fixedPoint);
        if (count <= 0) {
            throw fields.bad("trade count must be positive, was " + node.get(countField));
        }
        BookSide taker = fields.side(node, "taker_side");
        long ts = fields.isoTime(node, "created_time");
        return new Trade(ts, seq, registry.marketId(ticker), yesPrice, count, taker);
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
