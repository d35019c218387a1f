package io.kbt.kalshi.ws;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One websocket connection to Kalshi through the JDK client: signed handshake headers, every text frame (parts
 * joined) queued with its receive time, pings answered by the JDK; {@link #lastHeardNanos()} says when anything
 * (text, ping, pong) last arrived, so the recorder can call a silent connection dead.
 */
final class KalshiSocket {
    /** The server refused the handshake with 401 or 403: the key is wrong, not the network. */
    static final class HandshakeRefused extends RuntimeException {
        final int status;

        HandshakeRefused(int status) {
            super("the exchange refused the API key (HTTP " + status + ")", null, false, false);
            this.status = status;
        }
    }

    private final WebSocket socket;
    private final AtomicLong lastHeard;

    private KalshiSocket(WebSocket socket, AtomicLong lastHeard) {
        this.socket = socket;
        this.lastHeard = lastHeard;
    }

    /**
     * Connects; throws {@link HandshakeRefused} on 401/403 and {@link CompletionException} (or a runtime exception)
     * for anything else that fails.
     */
    static KalshiSocket open(HttpClient client, URI uri, Map<String, String> headers, BlockingQueue<Inbound> inbox,
            Clock clock, Duration timeout) {
        AtomicLong lastHeard = new AtomicLong(System.nanoTime());
        WebSocket.Builder builder = client.newWebSocketBuilder().connectTimeout(timeout);
        headers.forEach(builder::header);
        try {
            WebSocket socket = builder.buildAsync(uri, new Listener(inbox, clock, lastHeard)).get(
                    timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
            return new KalshiSocket(socket, lastHeard);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                int status = refused.getResponse().statusCode();
                if (status == 401 || status == 403) {
                    throw new HandshakeRefused(status);
                }
                throw new IllegalStateException("handshake failed with HTTP " + status);
            }
            throw new IllegalStateException(e.getCause() == null ? e.toString() : e.getCause().toString());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("handshake timed out after " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting");
        }
    }

    long lastHeardNanos() {
        return lastHeard.get();
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    /** Ends the connection at once, without a closing handshake (the recorder has already given up on it). */
    void abort() {
        socket.abort();
    }

    /** Closes politely, waiting briefly for the server's answer. */
    void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(1, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the connection is going away in any case
        }
        socket.abort();
    }

    private static final class Listener implements WebSocket.Listener {
        private final BlockingQueue<Inbound> inbox;
        private final Clock clock;
        private final AtomicLong lastHeard;
        private StringBuilder parts;

        Listener(BlockingQueue<Inbound> inbox, Clock clock, AtomicLong lastHeard) {
            this.inbox = inbox;
            this.clock = clock;
            this.lastHeard = lastHeard;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            lastHeard.set(System.nanoTime());
            String text;
            if (!last) {
                (parts == null ? parts = new StringBuilder() : parts).append(data);
                webSocket.request(1);
                return null;
            }
            if (parts != null) {
                text = parts.append(data).toString();
                parts = null;
            } else {
                text = data.toString();
            }
            Instant now = clock.instant();
            put(new Inbound.Text(text, now.getEpochSecond() * 1_000_000L + now.getNano() / 1000));
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            lastHeard.set(System.nanoTime());
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            lastHeard.set(System.nanoTime());
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            put(new Inbound.Closed("closed by the server (" + statusCode + (reason.isEmpty() ? "" : " " + reason)
                    + ")"));
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            put(new Inbound.Closed("connection error: " + error));
        }

        private void put(Inbound inbound) {
            try {
                inbox.put(inbound);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
