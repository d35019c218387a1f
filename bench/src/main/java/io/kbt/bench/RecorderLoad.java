package io.kbt.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kbt.kalshi.fake.FakeConnection;
import io.kbt.kalshi.fake.FakeKalshi;
import io.kbt.kalshi.fake.SignatureVerifier;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load side of the recorder benchmarks: the tests' fake Kalshi with {@code markets} INXD markets, and a pusher
 * that sends order-book deltas on the first connection's subscription at {@code rate} frames a second (0: as fast
 * as the socket takes them), each stamped with the time it is sent, so the recorder's lag is receive − send.
 */
final class RecorderLoad implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter TS = DateTimeFormatter.ISO_INSTANT;

    final FakeKalshi fake = new FakeKalshi(SignatureVerifier.ofTestKey());
    final List<String> tickers = new ArrayList<>();
    final AtomicLong sent = new AtomicLong();
    private volatile boolean stop;
    private Thread pusher;

    RecorderLoad(int markets) {
        for (int i = 0; i < markets; i++) {
            String ticker = "INXD-26JUL01-B" + (5000 + 25 * i);
            tickers.add(ticker);
            ObjectNode market = MAPPER.createObjectNode().put("ticker", ticker).put("event_ticker", "INXD-26JUL01")
                    .put("status", "active").put("strike_type", "between").put("close_time", "2026-07-01T20:00:00Z");
            ObjectNode book = MAPPER.createObjectNode().put("market_ticker", ticker);
            book.putArray("yes_dollars_fp").addArray().add("0.40").add("1000000.00");
            book.putArray("no_dollars_fp").addArray().add("0.55").add("1000000.00");
            fake.openMarket(market, book);
        }
        fake.pingEvery(10_000);
    }

    /** Starts pushing once the recorder has subscribed; for {@code seconds}. */
    void start(int rate, int seconds) {
        pusher = new Thread(() -> push(rate, seconds), "bench-pusher");
        pusher.setDaemon(true);
        pusher.start();
    }

    private void push(int rate, int seconds) {
        FakeConnection connection = fake.awaitSubscribed(1, "orderbook_delta");
        long sid = connection.sid("orderbook_delta");
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        StringBuilder frame = new StringBuilder(256);
        long n = 0;
        while (!stop && System.nanoTime() < end) {
            if (rate > 0) {
                long due = start + n * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
            }
            String ticker = tickers.get((int) (n % tickers.size()));
            // +1 then -1 at the same level: the book never goes below zero however long the run
            String delta = (n / tickers.size()) % 2 == 0 ? "1.00" : "-1.00";
            frame.setLength(0);
            frame.append("{\"type\":\"orderbook_delta\",\"sid\":").append(sid).append(",\"seq\":")
                    .append(connection.nextSeq("orderbook_delta")).append(",\"msg\":{\"market_ticker\":\"")
                    .append(ticker).append("\",\"price_dollars\":\"0.4000\",\"delta_fp\":\"").append(delta)
                    .append("\",\"side\":\"yes\",\"ts\":\"").append(TS.format(Instant.now())).append("\"}}");
            connection.sendRaw(frame.toString());
            n++;
            sent.incrementAndGet();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        if (pusher != null) {
            pusher.join(5000);
        }
        fake.close();
    }
}
