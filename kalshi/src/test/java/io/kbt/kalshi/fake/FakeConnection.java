package io.kbt.kalshi.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.java_websocket.WebSocket;

/**
 * One client connection to the fake: its subscriptions (sid per channel, numbered from 1 on each connection as
 * Kalshi does, seq per sid), the commands it sent, and the means to push frames, skip a seq, drop the connection
 * or go silent.
 */
public final class FakeConnection {
    private final FakeKalshi exchange;
    private final WebSocket socket;
    private final ObjectMapper mapper;
    private final Map<String, Long> sidByChannel = new ConcurrentHashMap<>();
    private final Map<Long, Long> seqBySid = new ConcurrentHashMap<>();
    private final Map<Long, Set<String>> tickersBySid = new ConcurrentHashMap<>();
    private final List<JsonNode> commands = new CopyOnWriteArrayList<>();
    private long nextSid = 1;
    private volatile boolean silent;
    private volatile boolean closed;

    FakeConnection(FakeKalshi exchange, WebSocket socket, ObjectMapper mapper) {
        this.exchange = exchange;
        this.socket = socket;
        this.mapper = mapper;
    }

    void received(JsonNode command) {
        commands.add(command);
    }

    public List<JsonNode> commands() {
        return List.copyOf(commands);
    }

    public Long sid(String channel) {
        return sidByChannel.get(channel);
    }

    public boolean isClosed() {
        return closed;
    }

    void closed() {
        closed = true;
    }

    /** Kalshi's answer to a command. */
    synchronized void answer(JsonNode command) {
        int id = command.path("id").asInt();
        JsonNode params = command.path("params");
        switch (command.path("cmd").asText()) {
            case "subscribe" -> {
                List<String> tickers = new ArrayList<>();
                params.path("market_tickers").forEach(t -> tickers.add(t.asText()));
                for (JsonNode channel : params.path("channels")) {
                    subscribe(id, channel.asText(), tickers);
                }
            }
            case "update_subscription" -> {
                long sid = params.path("sids").path(0).asLong(params.path("sid").asLong());
                List<String> tickers = new ArrayList<>();
                params.path("market_tickers").forEach(t -> tickers.add(t.asText()));
                String action = params.path("action").asText();
                Set<String> subscribed = tickersBySid.get(sid);
                if (subscribed == null) {
                    sendError(id, 7, "Not subscribed");
                    return;
                }
                switch (action) {
                    case "add_markets" -> subscribed.addAll(tickers);
                    case "delete_markets" -> tickers.forEach(subscribed::remove);
                    case "get_snapshot" -> { }
                    default -> {
                        sendError(id, 2, "Params required");
                        return;
                    }
                }
                ObjectNode ok = frame("ok", sid);
                ok.put("id", id);
                ok.putObject("msg").set("market_tickers", mapper.valueToTree(subscribed));
                send(ok);
                boolean book = "orderbook_delta".equals(channelOf(sid));
                if (book && (action.equals("add_markets") || action.equals("get_snapshot"))) {
                    tickers.forEach(t -> send(snapshot(sid, t)));
                }
            }
            case "unsubscribe" -> { }
            default -> sendError(id, 5, "Unknown command");
        }
    }

    private void subscribe(int id, String channel, List<String> tickers) {
        if (sidByChannel.containsKey(channel)) {
            sendError(id, 6, "Already subscribed");
            return;
        }
        long sid = nextSid++;
        ObjectNode subscribed = mapper.createObjectNode();
        subscribed.put("type", "subscribed");
        subscribed.put("id", id);
        subscribed.putObject("msg").put("channel", channel).put("sid", sid);
        send(subscribed);
        tickersBySid.put(sid, new LinkedHashSet<>(tickers));
        if (channel.equals("orderbook_delta")) {
            tickers.forEach(t -> send(snapshot(sid, t)));
        }
        sidByChannel.put(channel, sid);
    }

    private String channelOf(long sid) {
        return sidByChannel.entrySet().stream().filter(e -> e.getValue() == sid).map(Map.Entry::getKey).findFirst()
                .orElse(null);
    }

    private ObjectNode snapshot(long sid, String ticker) {
        ObjectNode snapshot = frame("orderbook_snapshot", sid);
        snapshot.set("msg", exchange.book(ticker).deepCopy().put("market_ticker", ticker));
        return snapshot;
    }

    /** A frame on {@code sid} with its next seq (the seq counts every frame of a subscription). */
    private ObjectNode frame(String type, long sid) {
        ObjectNode frame = mapper.createObjectNode();
        frame.put("type", type);
        frame.put("sid", sid);
        frame.put("seq", seqBySid.merge(sid, 1L, Long::sum));
        return frame;
    }

    /** Sends a data frame {@code type} with {@code msg} on {@code channel}'s subscription, numbered in turn. */
    public synchronized void sendData(String channel, String type, ObjectNode msg) {
        ObjectNode frame = frame(type, sidByChannel.get(channel));
        frame.set("msg", msg);
        send(frame);
    }

    /** Takes the next seq number of {@code channel}'s subscription, for a frame the caller writes itself. */
    public synchronized long nextSeq(String channel) {
        return seqBySid.merge(sidByChannel.get(channel), 1L, Long::sum);
    }

    /** Skips {@code n} seq numbers on {@code channel}'s subscription (frames the client never gets). */
    public synchronized void skipSeq(String channel, int n) {
        seqBySid.merge(sidByChannel.get(channel), (long) n, Long::sum);
    }

    /** Ends a subscription as error 25 (buffer overflow) does. */
    public synchronized void overflow(String channel) {
        Long sid = sidByChannel.remove(channel);
        ObjectNode error = mapper.createObjectNode();
        error.put("type", "error");
        error.put("sid", sid);
        error.putObject("msg").put("code", 25).put("msg", "Subscription buffer overflow");
        send(error);
    }

    public synchronized void sendError(int id, int code, String message) {
        ObjectNode error = mapper.createObjectNode();
        error.put("id", id);
        error.put("type", "error");
        error.putObject("msg").put("code", code).put("msg", message);
        send(error);
    }

    /** Sends a line exactly as given. */
    public void sendRaw(String text) {
        if (!silent && !closed) {
            socket.send(text);
        }
    }

    public void send(JsonNode frame) {
        try {
            sendRaw(mapper.writeValueAsString(frame));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void ping() {
        if (!silent && !closed && socket.isOpen()) {
            socket.sendPing();
        }
    }

    /** Numbers this connection's next subscriptions from {@code sid} (to keep clear of replayed frames' sids). */
    public synchronized void startSidsAt(long sid) {
        nextSid = sid;
    }

    /** Sends recorded frames verbatim, one websocket frame per line, as fast as the socket takes them. */
    public void replay(List<String> lines) {
        for (String line : lines) {
            if (!line.isBlank()) {
                sendRaw(line);
            }
        }
    }

    /** Drops the TCP connection without a closing handshake. */
    public void drop() {
        socket.closeConnection(1006, "dropped by the test");
    }

    /** Sends nothing more, keeping the connection open: a dead link the client must detect by silence. */
    public void goSilent() {
        silent = true;
    }
}
