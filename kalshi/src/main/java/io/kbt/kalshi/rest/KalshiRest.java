package io.kbt.kalshi.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.kbt.feeds.BadInputException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The history endpoints of Kalshi's REST API (OpenAPI spec, trade-api v2), live and historical tier, each list
 * followed through its {@code cursor} until an empty one. Times in the query are Unix seconds. Returns Kalshi's
 * objects as they came, so that files written from them are what {@code kbt import} reads.
 */
public final class KalshiRest {
    /** Kalshi's largest page. */
    static final int PAGE = 1000;

    private final KalshiHttp http;

    public KalshiRest(KalshiHttp http) {
        this.http = http;
    }

    public FetchStats stats() {
        return http.stats();
    }

    public HistoricalCutoff cutoff() {
        JsonNode body = http.get("/historical/cutoff", Map.of(),
                b -> b.hasNonNull("market_settled_ts") && b.hasNonNull("trades_created_ts"));
        return new HistoricalCutoff(micros(body, "market_settled_ts"), micros(body, "trades_created_ts"));
    }

    /** Live-tier markets of a series closing in {@code [minClose, maxClose]} (seconds). */
    public void markets(String series, long minClose, long maxClose, Consumer<JsonNode> each) {
        Map<String, String> query = query("series_ticker", series, "min_close_ts", Long.toString(minClose),
                "max_close_ts", Long.toString(maxClose));
        pages("/markets", query, "markets", each);
    }

    /** Historical-tier markets of a series (its filters are exclusive: the caller filters by close time). */
    public void historicalMarkets(String series, Consumer<JsonNode> each) {
        pages("/historical/markets", query("series_ticker", series), "markets", each);
    }

    /** The market {@code ticker} from one tier (none when that tier does not have it). */
    public void marketsByTicker(boolean historical, String ticker, Consumer<JsonNode> each) {
        pages(historical ? "/historical/markets" : "/markets", query("tickers", ticker), "markets", each);
    }

    /** Trades of one market with {@code minTs <= created_time < maxTs}... as Kalshi filters them (seconds). */
    public void trades(boolean historical, String ticker, long minTs, long maxTs, Consumer<JsonNode> each) {
        Map<String, String> query = query("ticker", ticker, "min_ts", Long.toString(minTs),
                "max_ts", Long.toString(maxTs));
        pages(historical ? "/historical/trades" : "/markets/trades", query, "trades", each);
    }

    /**
     * Candles of one market ending in {@code [start, end]} (seconds), {@code null} when this tier does not know
     * the market (404). The historical tier names fields without {@code _dollars}/{@code _fp}.
     */
    public List<JsonNode> candles(boolean historical, String series, String ticker, long start, long end,
            int periodMinutes) {
        String path = historical ? "/historical/markets/" + ticker + "/candlesticks"
                : "/series/" + series + "/markets/" + ticker + "/candlesticks";
        JsonNode body = http.getUnlessNotFound(path, query("start_ts", Long.toString(start), "end_ts",
                Long.toString(end), "period_interval", Integer.toString(periodMinutes)),
                b -> b.path("candlesticks").isArray());
        if (body == null) {
            return null;
        }
        List<JsonNode> candles = new ArrayList<>();
        body.get("candlesticks").forEach(candles::add);
        return candles;
    }

    /** Every fee change of a series, past ones included. */
    public List<JsonNode> feeChanges(String series) {
        JsonNode body = http.get("/series/fee_changes", query("series_ticker", series, "show_historical", "true"),
                b -> b.path("series_fee_change_arr").isArray());
        List<JsonNode> changes = new ArrayList<>();
        body.get("series_fee_change_arr").forEach(changes::add);
        return changes;
    }

    private void pages(String path, Map<String, String> query, String array, Consumer<JsonNode> each) {
        Set<String> cursors = new HashSet<>();
        String cursor = "";
        do {
            Map<String, String> q = new LinkedHashMap<>(query);
            q.put("limit", Integer.toString(PAGE));
            if (!cursor.isEmpty()) {
                q.put("cursor", cursor);
            }
            JsonNode page = http.get(path, q, b -> b.path(array).isArray());
            page.get(array).forEach(each);
            cursor = page.path("cursor").asText("");
            if (!cursor.isEmpty() && !cursors.add(cursor)) {
                throw new BadInputException(path, 0, "Kalshi sent cursor '" + cursor + "' twice; stopping");
            }
        } while (!cursor.isEmpty());
    }

    private static Map<String, String> query(String... kv) {
        Map<String, String> q = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            q.put(kv[i], kv[i + 1]);
        }
        return q;
    }

    private static long micros(JsonNode body, String field) {
        String text = body.get(field).asText();
        try {
            var t = OffsetDateTime.parse(text).toInstant();
            return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
        } catch (DateTimeParseException e) {
            throw new BadInputException("/historical/cutoff", 0, field + " is not a time: '" + text + "'");
        }
    }
}
