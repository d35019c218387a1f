package io.kbt.kalshi.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;

/**
 * An in-process Kalshi on 127.0.0.1, written from Kalshi's published protocol: REST {@code GET /trade-api/v2/markets}
 * ({@code series_ticker}, {@code status=open}, cursor pages) and {@code /markets/{ticker}}, and a real websocket at
 * {@code /trade-api/ws/v2} whose handshake must carry a valid RSA-PSS signature of the test key (a bad one is
 * refused with HTTP 401). Commands {@code subscribe} and {@code update_subscription} ({@code add_markets},
 * {@code delete_markets}, {@code get_snapshot}) are answered as Kalshi does: {@code subscribed} with a new sid per
 * channel, then an {@code orderbook_snapshot} per market, seq counting every frame of a subscription. Tests drive
 * the stream through {@link FakeConnection}.
 */
public final class FakeKalshi implements AutoCloseable {
    public static final String WS_PATH = "/trade-api/ws/v2";
    public static final String REST_PATH = "/trade-api/v2";

    private final ObjectMapper mapper = new ObjectMapper();
    private final SignatureVerifier verifier;
    private final HttpServer rest;
    private final Server socketServer;
    private final Map<String, ObjectNode> markets = new LinkedHashMap<>();
    private final Map<String, ObjectNode> books = new LinkedHashMap<>();
    private final List<FakeConnection> connections = new CopyOnWriteArrayList<>();
    private final AtomicInteger refusedHandshakes = new AtomicInteger();
    private final AtomicInteger restRequests = new AtomicInteger();
    private final AtomicInteger restFailures = new AtomicInteger();
    private volatile CommandHook hook = (connection, command) -> false;
    private final java.util.concurrent.ScheduledExecutorService pinger =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "fake-kalshi-ping");
                thread.setDaemon(true);
                return thread;
            });

    /** A test's say on a command before the default answer; returns true when it answered it itself. */
    @FunctionalInterface
    public interface CommandHook {
        boolean handle(FakeConnection connection, JsonNode command);
    }

    public FakeKalshi(SignatureVerifier verifier) {
        this.verifier = verifier;
        try {
            rest = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            rest.createContext(REST_PATH + "/markets", this::markets);
            rest.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        socketServer = new Server();
        socketServer.setReuseAddr(true);
        // Kalshi pings every 10 s; the fake pings on its own schedule (pingEvery) so tests can use short timeouts
        socketServer.setConnectionLostTimeout(0);
        socketServer.start();
        try {
            if (!socketServer.started.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("fake websocket server did not start");
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Pings every open, non-silent connection every {@code millis} ms, as Kalshi does every 10 s. */
    public void pingEvery(long millis) {
        pinger.scheduleAtFixedRate(() -> connections.forEach(FakeConnection::ping), millis, millis,
                TimeUnit.MILLISECONDS);
    }

    public URI wsUrl() {
        return URI.create("ws://127.0.0.1:" + socketServer.getPort() + WS_PATH);
    }

    public URI restUrl() {
        return URI.create("http://127.0.0.1:" + rest.getAddress().getPort() + REST_PATH);
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** Lists a market as open on REST, with the book its subscription snapshots show. */
    public synchronized void openMarket(ObjectNode market, ObjectNode snapshotMsg) {
        markets.put(market.path("ticker").asText(), market);
        books.put(market.path("ticker").asText(), snapshotMsg);
    }

    /** Known to REST by ticker, but not listed as open (a market that opens later). */
    public synchronized void knowMarket(ObjectNode market, ObjectNode snapshotMsg) {
        ObjectNode copy = market.deepCopy();
        copy.put("status", "initialized");
        markets.put(market.path("ticker").asText(), copy);
        books.put(market.path("ticker").asText(), snapshotMsg);
    }

    synchronized ObjectNode book(String ticker) {
        ObjectNode book = books.get(ticker);
        if (book == null) {
            book = mapper.createObjectNode();
            book.put("market_ticker", ticker);
            book.putArray("yes_dollars_fp");
            book.putArray("no_dollars_fp");
        }
        return book;
    }

    public void onCommand(CommandHook hook) {
        this.hook = hook;
    }

    public List<FakeConnection> connections() {
        return List.copyOf(connections);
    }

    public int refusedHandshakes() {
        return refusedHandshakes.get();
    }

    /** Waits until the {@code n}th connection (1-based) has subscribed to {@code channel}. */
    public FakeConnection awaitSubscribed(int n, String channel) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < until) {
            if (connections.size() >= n && connections.get(n - 1).sid(channel) != null) {
                return connections.get(n - 1);
            }
            sleep(5);
        }
        throw new AssertionError("connection " + n + " never subscribed to " + channel + " (connections: "
                + connections.size() + ")");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The next {@code n} REST requests answer 503, as an exchange having a bad moment does. */
    public void failRest(int n) {
        restFailures.set(n);
    }

    private void markets(HttpExchange exchange) throws IOException {
        restRequests.incrementAndGet();
        if (restFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            respond(exchange, 503, "{\"error\":{\"code\":\"service_unavailable\"}}");
            return;
        }
        String path = exchange.getRequestURI().getRawPath();
        String key = exchange.getRequestHeaders().getFirst("KALSHI-ACCESS-KEY");
        if (key != null && !verifier.verify(key, exchange.getRequestHeaders().getFirst("KALSHI-ACCESS-TIMESTAMP"),
                exchange.getRequestHeaders().getFirst("KALSHI-ACCESS-SIGNATURE"), exchange.getRequestMethod(), path)) {
            respond(exchange, 401, "{\"error\":{\"code\":\"authentication_error\"}}");
            return;
        }
        String rest = path.substring((REST_PATH + "/markets").length());
        ObjectNode answer = mapper.createObjectNode();
        synchronized (this) {
            if (rest.length() > 1) {
                ObjectNode market = markets.get(java.net.URLDecoder.decode(rest.substring(1), StandardCharsets.UTF_8));
                if (market == null) {
                    respond(exchange, 404, "{\"error\":{\"code\":\"not_found\"}}");
                    return;
                }
                answer.set("market", market);
            } else {
                Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
                String series = query.getOrDefault("series_ticker", "");
                List<ObjectNode> open = new ArrayList<>();
                for (ObjectNode market : markets.values()) {
                    if (market.path("ticker").asText().startsWith(series + "-")
                            && !"initialized".equals(market.path("status").asText())) {
                        open.add(market);
                    }
                }
                // two markets a page, so that discovery must follow the cursor
                int from = query.containsKey("cursor") ? Integer.parseInt(query.get("cursor")) : 0;
                ArrayNode page = answer.putArray("markets");
                open.subList(from, Math.min(open.size(), from + 2)).forEach(page::add);
                answer.put("cursor", from + 2 < open.size() ? Integer.toString(from + 2) : "");
            }
        }
        respond(exchange, 200, mapper.writeValueAsString(answer));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                query.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    void handle(FakeConnection connection, String text) {
        JsonNode command;
        try {
            command = mapper.readTree(text);
        } catch (IOException e) {
            connection.sendError(0, 1, "Unable to process message");
            return;
        }
        connection.received(command);
        if (hook.handle(connection, command)) {
            return;
        }
        connection.answer(command);
    }

    @Override
    public void close() {
        pinger.shutdownNow();
        rest.stop(0);
        try {
            socketServer.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Server extends WebSocketServer {
        final java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);

        Server() {
            super(new InetSocketAddress("127.0.0.1", 0));
        }

        @Override
        public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft,
                ClientHandshake request) throws InvalidDataException {
            ServerHandshakeBuilder builder = super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
            String path = request.getResourceDescriptor();
            int query = path.indexOf('?');
            boolean signed = verifier.verify(request.getFieldValue("KALSHI-ACCESS-KEY"),
                    request.getFieldValue("KALSHI-ACCESS-TIMESTAMP"), request.getFieldValue("KALSHI-ACCESS-SIGNATURE"),
                    "GET", query < 0 ? path : path.substring(0, query));
            if (!signed) {
                refusedHandshakes.incrementAndGet();
                // Kalshi answers a bad signature with 401; the library can only refuse with 404, so say 401 first
                try {
                    ((WebSocketImpl) conn).getChannel().write(ByteBuffer.wrap(
                            "HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                                    .getBytes(StandardCharsets.US_ASCII)));
                } catch (IOException e) {
                    // the refusal below closes the connection in any case
                }
                throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "bad signature");
            }
            return builder;
        }

        @Override
        public void onOpen(WebSocket conn, org.java_websocket.handshake.ClientHandshake handshake) {
            FakeConnection connection = new FakeConnection(FakeKalshi.this, conn, mapper);
            conn.setAttachment(connection);
            connections.add(connection);
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            FakeConnection connection = conn.getAttachment();
            if (connection != null) {
                connection.closed();
            }
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            handle(conn.getAttachment(), message);
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            // a dropped client is part of the tests
        }

        @Override
        public void onStart() {
            started.countDown();
        }
    }

    /** For {@link BiPredicate}-style hooks that match a command by its {@code cmd}. */
    public static boolean is(JsonNode command, String cmd) {
        return cmd.equals(command.path("cmd").asText());
    }
}
