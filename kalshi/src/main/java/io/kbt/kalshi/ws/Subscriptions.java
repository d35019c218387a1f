package io.kbt.kalshi.ws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The subscriptions of one connection: the commands sent (by {@code id}), the {@code sid} the exchange gave each
 * channel, and the last {@code seq} seen per {@code sid}. Builds the JSON commands of Kalshi's websocket protocol:
 * {@code subscribe}, and {@code update_subscription} with {@code add_markets}, {@code delete_markets} or
 * {@code get_snapshot}.
 */
final class Subscriptions {
    static final String ORDERBOOK = "orderbook_delta";
    static final String TRADE = "trade";
    static final String LIFECYCLE = "market_lifecycle_v2";

    /** A command sent, kept so that an answer naming its {@code id} can be understood (and the command resent). */
    record Command(int id, String text, List<String> channels) {}

    private final ObjectMapper mapper;
    private final Map<Integer, Command> sent = new HashMap<>();
    private final Map<String, Long> sidByChannel = new HashMap<>();
    private final Map<Long, String> channelBySid = new HashMap<>();
    private final Map<Long, Long> lastSeq = new HashMap<>();
    private int nextId = 1;

    Subscriptions(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    Command subscribe(List<String> channels, Collection<String> tickers) {
        ObjectNode params = mapper.createObjectNode();
        params.set("channels", strings(channels));
        if (!tickers.isEmpty()) {
            params.set("market_tickers", strings(tickers));
        }
        return command("subscribe", params, channels);
    }

    /** {@code add_markets}, {@code delete_markets} or {@code get_snapshot} on one subscription. */
    Command update(long sid, String action, Collection<String> tickers) {
        ObjectNode params = mapper.createObjectNode();
        params.set("sids", mapper.createArrayNode().add(sid));
        params.set("market_tickers", strings(tickers));
        params.put("action", action);
        return command("update_subscription", params, List.of(channelBySid.getOrDefault(sid, "")));
    }

    /** The same command again under a new id (after error 27 asked us to back off). */
    Command resend(Command command) {
        try {
            ObjectNode node = (ObjectNode) mapper.readTree(command.text());
            int id = nextId++;
            node.put("id", id);
            Command again = new Command(id, mapper.writeValueAsString(node), command.channels());
            sent.put(id, again);
            return again;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Command command(String cmd, ObjectNode params, List<String> channels) {
        int id = nextId++;
        ObjectNode node = mapper.createObjectNode();
        node.put("id", id);
        node.put("cmd", cmd);
        node.set("params", params);
        try {
            Command command = new Command(id, mapper.writeValueAsString(node), List.copyOf(channels));
            sent.put(id, command);
            return command;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ArrayNode strings(Collection<String> values) {
        ArrayNode array = mapper.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    Command sent(int id) {
        return sent.get(id);
    }

    void subscribed(String channel, long sid) {
        Long old = sidByChannel.put(channel, sid);
        if (old != null) {
            channelBySid.remove(old);
        }
        channelBySid.put(sid, channel);
    }

    /** Forgets a channel's subscription (the exchange ended it); returns whether it had one. */
    boolean ended(String channel) {
        Long sid = sidByChannel.remove(channel);
        if (sid != null) {
            channelBySid.remove(sid);
        }
        return sid != null;
    }

    Long sid(String channel) {
        return sidByChannel.get(channel);
    }

    String channel(long sid) {
        return channelBySid.get(sid);
    }

    /** Records {@code seq} on {@code sid}; returns the seq that was expected when this one is not it, else -1. */
    long gap(long sid, long seq) {
        Long last = lastSeq.put(sid, seq);
        return last == null || seq == last + 1 ? -1 : last + 1;
    }
}
