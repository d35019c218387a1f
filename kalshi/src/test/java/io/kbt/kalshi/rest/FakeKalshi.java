package io.kbt.kalshi.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * An in-process Kalshi REST API on 127.0.0.1, written from the OpenAPI spec (trade-api v2): markets, trades and
 * candlesticks of both tiers split by a historical cutoff that can move forward with every request, fee changes,
 * cursors over pages of at most {@link #pageSize} items, and scripted faults by request number (429 with
 * Retry-After, 500, a connection dropped mid-body, a malformed page). It records every request's arrival time.
 */
public final class FakeKalshi implements AutoCloseable {
    enum Fault { THROTTLE, SERVER_ERROR, DROP, MALFORMED, REJECT }

    /** One request as it arrived: when, what, and its {@code KALSHI-ACCESS-*} headers (null when absent). */
    record Request(long nanos, String path, String query, String key, String timestamp, String signature) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String BASE = "/trade-api/v2";

    private final HttpServer server;
    final List<ObjectNode> markets = new CopyOnWriteArrayList<>();
    /** Trades with their creation time in epoch µs, by market. */
    final Map<String, List<ObjectNode>> trades = new ConcurrentHashMap<>();
    final Map<String, List<ObjectNode>> feeChanges = new ConcurrentHashMap<>();
    final Map<Integer, Fault> faults = new ConcurrentHashMap<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger count = new AtomicInteger();
    volatile int pageSize = 7;
    public volatile long marketSettledCutoff;
    public volatile long tradesCutoff;
    /** µs the trades cutoff moves forward after every request. */
    volatile long cutoffStep;
    /** Requests numbered this or later are all answered 400 (a process killed there never sees them). */
    volatile int rejectFrom = Integer.MAX_VALUE;
    volatile int maxCandles = 5000;

    public FakeKalshi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(BASE, this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(2));
        server.start();
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + BASE);
    }

    int requestCount() {
        return count.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** Adds a market of {@code series} (an INXD-like range market) open and closing at the given µs. */
    public ObjectNode market(String series, String ticker, long open, long close, long settled, String result) {
        ObjectNode m = JSON.createObjectNode();
        m.put("ticker", ticker);
        m.put("event_ticker", ticker.substring(0, ticker.lastIndexOf('-')));
        m.put("strike_type", "between");
        m.put("floor_strike", 4000);
        m.put("cap_strike", 4049.99);
        m.put("open_time", iso(open));
        m.put("close_time", iso(close));
        m.put("settlement_ts", iso(settled));
        m.put("status", "finalized");
        m.put("result", result);
        m.put("price_level_structure", "linear_cent");
        m.put("x_series", series);
        markets.add(m);
        return m;
    }

    public ObjectNode trade(String ticker, String id, long created, int yesCents, int count, String takerSide) {
        ObjectNode t = JSON.createObjectNode();
        t.put("trade_id", id);
        t.put("ticker", ticker);
        t.put("count_fp", count + ".00");
        t.put("yes_price_dollars", String.format("0.%02d00", yesCents));
        t.put("no_price_dollars", String.format("0.%02d00", 100 - yesCents));
        t.put("taker_side", takerSide);
        t.put("created_time", iso(created));
        trades.computeIfAbsent(ticker, k -> new CopyOnWriteArrayList<>()).add(t);
        return t;
    }

    public void feeChange(String series, String id, String type, String multiplier, long scheduled) {
        ObjectNode c = JSON.createObjectNode();
        c.put("id", id);
        c.put("series_ticker", series);
        c.put("fee_type", type);
        c.put("fee_multiplier", Double.parseDouble(multiplier));
        c.put("scheduled_ts", iso(scheduled));
        feeChanges.computeIfAbsent(series, k -> new CopyOnWriteArrayList<>()).add(c);
    }

    static String iso(long micros) {
        return Instant.EPOCH.plusNanos(micros * 1000).toString();
    }

    static long micros(String iso) {
        Instant t = Instant.parse(iso);
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
    }

    private void handle(HttpExchange ex) throws IOException {
        int n = count.incrementAndGet();
        String path = ex.getRequestURI().getPath().substring(BASE.length());
        String rawQuery = ex.getRequestURI().getRawQuery();
        var h = ex.getRequestHeaders();
        requests.add(new Request(System.nanoTime(), path, rawQuery, h.getFirst("KALSHI-ACCESS-KEY"),
                h.getFirst("KALSHI-ACCESS-TIMESTAMP"), h.getFirst("KALSHI-ACCESS-SIGNATURE")));
        Map<String, String> q = query(rawQuery);
        try {
            Fault fault = n >= rejectFrom ? Fault.REJECT : faults.get(n);
            if (fault != null) {
                switch (fault) {
                    case THROTTLE -> {
                        ex.getResponseHeaders().add("Retry-After", "1");
                        send(ex, 429, "{\"error\":\"too many requests\"}");
                    }
                    case SERVER_ERROR -> send(ex, 500, "{\"error\":\"internal\"}");
                    case REJECT -> send(ex, 400, "{\"error\":{\"code\":\"bad_request\",\"message\":\"killed\"}}");
                    case MALFORMED -> send(ex, 200, "{\"trades\": [{\"trade_id\": \"x\", ");
                    case DROP -> {
                        byte[] body = "{\"trades\": [], \"cursor\": \"\"}".getBytes(StandardCharsets.UTF_8);
                        ex.sendResponseHeaders(200, body.length + 100);
                        OutputStream out = ex.getResponseBody();
                        out.write(body, 0, 10);
                        out.flush();
                        ex.close();
                    }
                }
                return;
            }
            send(ex, 200, JSON.writeValueAsString(answer(path, q)));
        } catch (NotFound e) {
            send(ex, 404, "{\"error\":\"not found\"}");
        } catch (IllegalArgumentException e) {
            send(ex, 400, "{\"error\":\"" + e.getMessage() + "\"}");
        } finally {
            tradesCutoff += cutoffStep;
        }
    }

    private JsonNode answer(String path, Map<String, String> q) {
        if (path.equals("/historical/cutoff")) {
            ObjectNode o = JSON.createObjectNode();
            o.put("market_settled_ts", iso(marketSettledCutoff));
            o.put("trades_created_ts", iso(tradesCutoff));
            o.put("orders_updated_ts", iso(tradesCutoff));
            return o;
        }
        if (path.equals("/markets") || path.equals("/historical/markets")) {
            boolean historical = path.startsWith("/historical");
            Predicate<ObjectNode> keep = m -> (micros(m.get("settlement_ts").asText()) < marketSettledCutoff) == historical;
            if (q.containsKey("series_ticker")) {
                keep = keep.and(m -> m.get("x_series").asText().equals(q.get("series_ticker")));
            }
            if (q.containsKey("tickers")) {
                keep = keep.and(m -> List.of(q.get("tickers").split(",")).contains(m.get("ticker").asText()));
            }
            if (q.containsKey("min_close_ts")) {
                if (historical) {
                    throw new IllegalArgumentException("historical markets take no close filter");
                }
                long min = Long.parseLong(q.get("min_close_ts")) * 1_000_000L;
                long max = Long.parseLong(q.get("max_close_ts")) * 1_000_000L;
                keep = keep.and(m -> micros(m.get("close_time").asText()) >= min
                        && micros(m.get("close_time").asText()) <= max);
            }
            List<JsonNode> list = new ArrayList<>();
            for (ObjectNode m : markets) {
                if (keep.test(m)) {
                    ObjectNode copy = m.deepCopy();
                    copy.remove("x_series");
                    list.add(copy);
                }
            }
            return page("markets", list, q);
        }
        if (path.equals("/markets/trades") || path.equals("/historical/trades")) {
            boolean historical = path.startsWith("/historical");
            long cutoff = tradesCutoff;
            long min = Long.parseLong(q.getOrDefault("min_ts", "0")) * 1_000_000L;
            long max = q.containsKey("max_ts") ? Long.parseLong(q.get("max_ts")) * 1_000_000L : Long.MAX_VALUE;
            List<JsonNode> list = new ArrayList<>();
            for (ObjectNode t : trades.getOrDefault(q.get("ticker"), List.of())) {
                long created = micros(t.get("created_time").asText());
                if ((created < cutoff) == historical && created >= min && created <= max) {
                    list.add(t);
                }
            }
            // newest first, as Kalshi
            list.sort(Comparator.comparing((JsonNode t) -> t.get("created_time").asText()).reversed());
            return page("trades", list, q);
        }
        if (path.equals("/series/fee_changes")) {
            ObjectNode o = JSON.createObjectNode();
            ArrayNode arr = o.putArray("series_fee_change_arr");
            feeChanges.getOrDefault(q.get("series_ticker"), List.of()).forEach(arr::add);
            return o;
        }
        if (path.endsWith("/candlesticks")) {
            return candles(path, q);
        }
        throw new IllegalArgumentException("unknown path " + path);
    }

    /** One-minute candles built from the market's trades (bid one below, ask one above the last trade). */
    private JsonNode candles(String path, Map<String, String> q) {
        boolean historical = path.startsWith("/historical");
        String[] parts = path.split("/");
        String ticker = parts[parts.length - 2];
        ObjectNode market = markets.stream().filter(m -> m.get("ticker").asText().equals(ticker)).findFirst()
                .orElse(null);
        if (market == null || (micros(market.get("settlement_ts").asText()) < marketSettledCutoff) != historical) {
            throw new NotFound();
        }
        int period = Integer.parseInt(q.get("period_interval"));
        long start = Long.parseLong(q.get("start_ts"));
        long end = Long.parseLong(q.get("end_ts"));
        long step = period * 60L;
        if ((end - start) / step > maxCandles) {
            throw new IllegalArgumentException("too many candles");
        }
        ObjectNode o = JSON.createObjectNode();
        o.put("ticker", ticker);
        ArrayNode arr = o.putArray("candlesticks");
        List<ObjectNode> ts = new ArrayList<>(trades.getOrDefault(ticker, List.of()));
        long[] created = new long[ts.size()];
        ts.sort(Comparator.comparing((ObjectNode t) -> t.get("created_time").asText()));
        for (int i = 0; i < created.length; i++) {
            created[i] = micros(ts.get(i).get("created_time").asText());
        }
        long first = (Math.floorDiv(start + step - 1, step)) * step;
        int next = 0;
        for (long e = first; e <= end; e += step) {
            long endMicros = e * 1_000_000L;
            while (next < created.length && created[next] < endMicros) {
                next++;
            }
            // the last trade before the candle's end, if it was less than an hour before its start
            if (next == 0 || created[next - 1] < endMicros - step * 1_000_000L - 3_600_000_000L) {
                continue;
            }
            ObjectNode last = ts.get(next - 1);
            int p = (int) Math.round(Double.parseDouble(last.get("yes_price_dollars").asText()) * 100);
            ObjectNode c = arr.addObject();
            c.put("end_period_ts", e);
            ohlc(c.putObject("yes_bid"), historical, Math.max(p - 1, 1));
            ohlc(c.putObject("yes_ask"), historical, Math.min(p + 1, 99));
            ohlc(c.putObject("price"), historical, p);
            c.put(historical ? "volume" : "volume_fp", "1.00");
            c.put(historical ? "open_interest" : "open_interest_fp", "10.00");
        }
        return o;
    }

    private static void ohlc(ObjectNode o, boolean historical, int cents) {
        String v = String.format("0.%02d00", cents);
        for (String k : List.of("open", "high", "low", "close")) {
            o.put(historical ? k : k + "_dollars", v);
        }
    }

    private static final class NotFound extends RuntimeException {}

    private JsonNode page(String array, List<JsonNode> items, Map<String, String> q) {
        int limit = Math.min(Integer.parseInt(q.getOrDefault("limit", "100")), pageSize);
        int offset = q.containsKey("cursor") ? Integer.parseInt(q.get("cursor").substring(1)) : 0;
        ObjectNode o = JSON.createObjectNode();
        ArrayNode arr = o.putArray(array);
        items.subList(Math.min(offset, items.size()), Math.min(offset + limit, items.size())).forEach(arr::add);
        o.put("cursor", offset + limit < items.size() ? "c" + (offset + limit) : "");
        return o;
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw != null) {
            for (String kv : raw.split("&")) {
                String[] p = kv.split("=", 2);
                q.put(p[0], p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "");
            }
        }
        return q;
    }
}
