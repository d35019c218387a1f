package io.kbt.kalshi.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The markets a recording follows: found over REST at start (the open markets of each series, plus the markets
 * named), then changed by {@code market_lifecycle_v2}: a market of ours that is created or activated joins, one
 * that closes, is determined or settles leaves, keeping its result and settlement value. Also every market seen
 * on the open file's day, for that day's markets file. Kalshi's market objects are kept as they came.
 */
final class RecordedMarkets {
    /** What a lifecycle message did. */
    enum Change { ADDED, DROPPED, UPDATED, NONE }

    private final RecordingOptions options;
    private final MarketDiscovery discovery;
    private final ObjectMapper mapper;
    private final Map<String, ObjectNode> active = new LinkedHashMap<>();
    private final Map<String, ObjectNode> ofTheDay = new LinkedHashMap<>();

    RecordedMarkets(RecordingOptions options, MarketDiscovery discovery, ObjectMapper mapper) {
        this.options = options;
        this.discovery = discovery;
        this.mapper = mapper;
    }

    void discover() {
        for (String series : options.series()) {
            for (ObjectNode market : discovery.openMarkets(series)) {
                active.put(market.path("ticker").asText(), market);
            }
        }
        for (String ticker : options.markets()) {
            active.computeIfAbsent(ticker, t -> discovery.market(t).orElseGet(() -> bare(t)));
        }
    }

    /** The tickers subscribed to. */
    Set<String> tickers() {
        return active.keySet();
    }

    int size() {
        return active.size();
    }

    /** The markets of the day that begins: those still followed. */
    void newDay() {
        ofTheDay.clear();
        ofTheDay.putAll(active);
    }

    Collection<ObjectNode> ofTheDay() {
        return ofTheDay.values();
    }

    /** Applies one {@code market_lifecycle_v2} message; says what changed for its market. */
    Change lifecycle(JsonNode msg) {
        String ticker = msg.path("market_ticker").asText("");
        if (ticker.isEmpty() || !ours(ticker)) {
            return Change.NONE;
        }
        String event = msg.path("event_type").asText("");
        switch (event) {
            case "created", "activated" -> {
                if (active.containsKey(ticker)) {
                    return Change.NONE;
                }
                ObjectNode market = known(ticker);
                active.put(ticker, market);
                ofTheDay.put(ticker, market);
                return Change.ADDED;
            }
            case "close_date_updated" -> {
                ObjectNode market = ofTheDay.get(ticker);
                if (market == null || !msg.path("close_ts").canConvertToLong()) {
                    return Change.NONE;
                }
                market.put("close_time", Instant.ofEpochSecond(msg.path("close_ts").asLong()).toString());
                return Change.UPDATED;
            }
            case "closed", "determined", "settled" -> {
                ObjectNode market = ofTheDay.computeIfAbsent(ticker, t -> active.getOrDefault(t, bare(t)));
                String result = msg.path("result").asText("");
                if (result.equals("yes") || result.equals("no")) {
                    market.put("result", result);
                }
                if (msg.has("settlement_value") && !msg.path("settlement_value").isNull()) {
                    market.set("settlement_value", msg.path("settlement_value"));
                }
                market.put("status", event);
                return active.remove(ticker) != null ? Change.DROPPED : Change.UPDATED;
            }
            default -> {
                return Change.NONE;
            }
        }
    }

    /** The market object from REST; a REST failure mid-session costs only the metadata, never the recording. */
    private ObjectNode known(String ticker) {
        try {
            return discovery.market(ticker).orElseGet(() -> bare(ticker));
        } catch (AuthenticationRefusedException e) {
            throw e;
        } catch (RuntimeException e) {
            return bare(ticker);
        }
    }

    private boolean ours(String ticker) {
        if (options.markets().contains(ticker)) {
            return true;
        }
        int dash = ticker.indexOf('-');
        return dash > 0 && options.series().contains(ticker.substring(0, dash));
    }

    /** A market known only by its ticker (REST does not know it): what the ticker tells. */
    private ObjectNode bare(String ticker) {
        ObjectNode market = mapper.createObjectNode();
        market.put("ticker", ticker);
        int dash = ticker.lastIndexOf('-');
        market.put("event_ticker", dash > 0 ? ticker.substring(0, dash) : ticker);
        return market;
    }
}
