package io.kbt.kalshi.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * {@code kbt record}: holds one authenticated websocket to Kalshi, subscribed to {@code orderbook_delta} and
 * {@code trade} for the open markets of the chosen series (found over REST at start, then followed on
 * {@code market_lifecycle_v2}), and writes every frame received, verbatim with its receive time added as
 * {@code kbt_rx_us}, to one file per New York day ({@link DayFiles}).
 *
 * <p>Faults: a seq gap is noted in the file ({@code kbt_gap}) and a fresh snapshot asked for
 * ({@code get_snapshot}); a dropped or 30 s silent connection is replaced after an exponential backoff with
 * jitter, subscribing again (fresh sids, fresh snapshots); errors 10 and 25 resubscribe the channel, 27 resends
 * the command after a backoff, 9 (or HTTP 401/403) stops with {@link AuthenticationRefusedException}. At New York
 * midnight the file is sealed and the connection renewed, so that each file begins with its subscriptions and
 * snapshots and imports on its own. A killed recorder's {@code .part} files are sealed at the next start.
 */
public final class Recorder {
    /** What a run did, for the closing summary. */
    public record Summary(long frames, long gaps, long reconnects, long errors, int markets, List<Path> sealed,
            Duration elapsed) {}

    private final RecordingOptions options;
    private final RecorderListener listener;
    private final Clock clock;
    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final DayFiles files;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final List<Path> sealed = new ArrayList<>();
    private final RecordedMarkets markets;
    private final FrameLines lines = new FrameLines(mapper);
    private volatile boolean stopping;
    private Instant stopAt;
    private long frames;
    private long gaps;
    private long reconnects;
    private long errors;
    private long lagMicros = Long.MIN_VALUE;
    private long framesAtLastStatus;
    private long lastStatusNanos;

    public Recorder(RecordingOptions options, RecorderListener listener, Clock clock) {
        this.options = options;
        this.listener = listener;
        this.clock = clock;
        this.files = new DayFiles(options.out(), options.baseName(), mapper);
        this.markets = new RecordedMarkets(options, new MarketDiscovery(http, options.restUrl(),
                options.credentials(), mapper, clock), mapper);
    }

    /** Asks a running {@link #run()} to finish: flush, seal, return. Safe from any thread (a shutdown hook). */
    public void stop() {
        stopping = true;
    }

    /** Waits until {@link #run()} has returned (or thrown), at most {@code timeout}. */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Records until the stop time or {@link #stop()}; seals every file it opened before returning or throwing. */
    public Summary run() {
        long started = System.nanoTime();
        stopAt = options.stopAt();
        try {
            Files.createDirectories(options.out());
            for (PartRecovery.Recovered recovered : PartRecovery.recoverAll(options.out())) {
                listener.note("recovered " + recovered.sealed().getFileName() + " from its .part (" + recovered.lines()
                        + " lines" + (recovered.cut() ? ", cut at the last complete line" : "") + ")");
                sealed(recovered.sealed());
            }
            Duration backoff = options.initialBackoff();
            while (!discovered() && !timeToStop()) {
                pause(jitter(backoff));
                backoff = min(backoff.multipliedBy(2), options.maxBackoff());
            }
            listener.note("recording " + markets.size() + " market(s): " + String.join(", ", markets.tickers()));
            stopAt = options.recordFor() != null ? clock.instant().plus(options.recordFor()) : options.stopAt();
            backoff = options.initialBackoff();
            while (!timeToStop()) {
                Connection connection = new Connection();
                boolean heardData = connection.record();
                if (timeToStop()) {
                    break;
                }
                if (connection.renew) {
                    continue;
                }
                backoff = heardData ? options.initialBackoff() : backoff;
                reconnects++;
                pause(jitter(backoff));
                backoff = min(backoff.multipliedBy(2), options.maxBackoff());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                sealed(files.seal(listener));
            } finally {
                finished.countDown();
            }
        }
        return new Summary(frames, gaps, reconnects, errors, markets.size(), List.copyOf(sealed),
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** Lists the markets over REST; false (and said) when REST fails for another reason than the key. */
    private boolean discovered() {
        try {
            markets.discover();
            return true;
        } catch (AuthenticationRefusedException e) {
            throw e;
        } catch (RuntimeException e) {
            listener.note("cannot list the markets: " + e.getMessage() + "; trying again");
            return false;
        }
    }

    private boolean timeToStop() {
        return stopping || (stopAt != null && !clock.instant().isBefore(stopAt));
    }

    private void sealed(Path file) {
        if (file != null) {
            sealed.add(file);
            listener.sealed(file);
        }
    }

    private void pause(Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        while (!timeToStop() && System.nanoTime() < until) {
            try {
                Thread.sleep(Math.min(50, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopping = true;
            }
        }
    }

    private static Duration jitter(Duration backoff) {
        // full jitter between half and all of the backoff, so that many recorders do not reconnect in step
        long millis = backoff.toMillis();
        return Duration.ofMillis(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private long nowMicros() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }

    /**
     * Writes one line to the open file (opening today's if none is); returns true once the New York day has changed,
     * so the connection is renewed: the frames until then stay in the old day's file, and the new file begins with
     * the new connection's subscriptions and snapshots.
     */
    private boolean write(String line, long receivedMicros) {
        LocalDate day = DayFiles.newYorkDay(receivedMicros);
        if (files.day() == null) {
            openDay(day);
        }
        files.write(line);
        return !day.equals(files.day());
    }

    /** Seals the open file if it is of another day than {@code today}. */
    private void rollOver(LocalDate today) {
        if (files.day() != null && !today.equals(files.day())) {
            sealed(files.seal(listener));
        }
    }

    private void openDay(LocalDate day) {
        files.open(day);
        markets.newDay();
        writeMarkets();
    }

    private void writeMarkets() {
        if (files.day() != null && !markets.ofTheDay().isEmpty()) {
            listener.marketsWritten(files.writeMarkets(files.day(), markets.ofTheDay()));
        }
    }

    private void status(boolean force) {
        long now = System.nanoTime();
        long elapsed = now - lastStatusNanos;
        if (!force && elapsed < 1_000_000_000L) {
            return;
        }
        double perSecond = lastStatusNanos == 0 ? 0 : (frames - framesAtLastStatus) * 1e9 / elapsed;
        lastStatusNanos = now;
        framesAtLastStatus = frames;
        listener.status(new RecorderStatus(markets.size(), frames, perSecond, gaps, reconnects, errors, lagMicros,
                sealed.size()));
    }

    /** One websocket connection's life: connect, subscribe, record until it drops, goes silent or must renew. */
    private final class Connection {
        private final BlockingQueue<Inbound> inbox = new ArrayBlockingQueue<>(65_536);
        private final Subscriptions subscriptions = new Subscriptions(mapper);
        private final FrameHead head = new FrameHead(mapper.getFactory());
        private final List<Retry> retries = new ArrayList<>();
        private KalshiSocket socket;
        private boolean heardData;
        /** True when the connection ended on purpose (a new day), to reconnect at once. */
        boolean renew;

        private record Retry(Subscriptions.Command command, long dueNanos) {}

        boolean record() {
            Map<String, String> headers = options.credentials() == null ? Map.of()
                    : options.credentials().headers("GET", options.wsUrl().getRawPath(), clock.millis());
            try {
                socket = KalshiSocket.open(http, options.wsUrl(), headers, inbox, clock, Duration.ofSeconds(10));
            } catch (KalshiSocket.HandshakeRefused e) {
                throw new AuthenticationRefusedException(e.getMessage() + " on " + options.wsUrl());
            } catch (RuntimeException e) {
                listener.note("cannot connect to " + options.wsUrl() + ": " + e.getMessage());
                return false;
            }
            try {
                rollOver(DayFiles.newYorkDay(nowMicros()));
                if (markets.size() > 0) {
                    send(subscriptions.subscribe(List.of(Subscriptions.ORDERBOOK, Subscriptions.TRADE),
                            markets.tickers()));
                }
                send(subscriptions.subscribe(List.of(Subscriptions.LIFECYCLE), List.of()));
                long lastFlush = System.nanoTime();
                while (!timeToStop()) {
                    Inbound inbound = inbox.poll(50, TimeUnit.MILLISECONDS);
                    if (inbound instanceof Inbound.Text text) {
                        if (handle(text)) {
                            renew = true;
                            return heardData;
                        }
                    } else if (inbound instanceof Inbound.Closed closed) {
                        listener.note("connection lost: " + closed.reason());
                        return heardData;
                    }
                    long now = System.nanoTime();
                    if (now - socket.lastHeardNanos() > options.silenceTimeout().toNanos()) {
                        listener.note("connection silent for " + options.silenceTimeout().toSeconds()
                                + " s: reconnecting");
                        return heardData;
                    }
                    if (now - lastFlush >= options.flushInterval().toNanos()) {
                        files.flush(listener);
                        lastFlush = now;
                    }
                    sendDueRetries(now);
                    status(false);
                }
                return heardData;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopping = true;
                return heardData;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                socket.abort();
                drain();
                files.flush(listener);
                status(true);
            }
        }

        /** Frames already received when the connection ended are recorded too: nothing received is lost. */
        private void drain() {
            for (Inbound inbound = inbox.poll(); inbound != null; inbound = inbox.poll()) {
                if (inbound instanceof Inbound.Text text) {
                    try {
                        handle(text);
                    } catch (IOException | RuntimeException e) {
                        listener.note("while draining: " + e.getMessage());
                    }
                }
            }
        }

        private void send(Subscriptions.Command command) {
            try {
                socket.send(command.text());
            } catch (RuntimeException e) {
                listener.note("cannot send a command: " + e.getMessage());
            }
        }

        private void sendDueRetries(long now) {
            for (int i = retries.size() - 1; i >= 0; i--) {
                if (retries.get(i).dueNanos() <= now) {
                    send(subscriptions.resend(retries.remove(i).command()));
                }
            }
        }

        /** Records one frame, then reacts to it; returns true when the connection should be renewed (new day). */
        private boolean handle(Inbound.Text text) throws IOException {
            // the exchange time (for the lag) of one data frame in 64 is enough for the status line
            head.read(text.text(), (frames & 63) == 0);
            // the few control and lifecycle frames are read as trees; data frames only streamed
            JsonNode frame = null;
            if (head.valid && (!FrameHead.isData(head.type) || text.text().indexOf('\n') >= 0
                    || text.text().indexOf('\r') >= 0)) {
                frame = mapper.readTree(text.text());
            }
            boolean newDay = write(lines.frame(text.text(), head.valid, frame, text.receivedMicros()),
                    text.receivedMicros());
            frames++;
            if (!head.valid) {
                return newDay;
            }
            if (head.sid != FrameHead.NONE && head.seq != FrameHead.NONE) {
                checkSeq(head.sid, head.seq, text.receivedMicros());
            }
            if (FrameHead.isData(head.type)) {
                heardData = true;
                if (head.exchangeMicros != FrameHead.NONE) {
                    // measured when the frame is written, so time spent queued in the recorder counts as lag
                    lagMicros = nowMicros() - head.exchangeMicros;
                }
            } else {
                JsonNode msg = frame.path("msg");
                switch (head.type) {
                    case "subscribed" -> subscriptions.subscribed(msg.path("channel").asText(),
                            msg.has("sid") ? msg.path("sid").asLong() : frame.path("sid").asLong());
                    case "error" -> error(frame, msg);
                    case Subscriptions.LIFECYCLE -> lifecycle(msg);
                    default -> { }
                }
            }
            status(false);
            return newDay;
        }

        private void checkSeq(long sid, long seq, long receivedMicros) {
            long expected = subscriptions.gap(sid, seq);
            if (expected < 0) {
                return;
            }
            gaps++;
            ObjectNode msg = mapper.createObjectNode().put("sid", sid).put("expected", expected).put("got", seq);
            files.write(lines.note("kbt_gap", receivedMicros, msg));
            listener.note("seq gap on sid " + sid + ": expected " + expected + ", got " + seq
                    + "; asked for a fresh snapshot");
            if (Subscriptions.ORDERBOOK.equals(subscriptions.channel(sid)) && markets.size() > 0) {
                send(subscriptions.update(sid, "get_snapshot", markets.tickers()));
            }
        }

        private void error(JsonNode frame, JsonNode msg) {
            errors++;
            int code = msg.path("code").asInt(-1);
            String text = msg.path("msg").asText("");
            Subscriptions.Command command = frame.has("id") ? subscriptions.sent(frame.path("id").asInt()) : null;
            List<String> channels = new ArrayList<>();
            long sid = frame.has("sid") ? frame.path("sid").asLong() : msg.path("sid").asLong(-1);
            if (sid >= 0 && subscriptions.channel(sid) != null) {
                channels.add(subscriptions.channel(sid));
            } else if (command != null) {
                channels.addAll(command.channels());
            }
            switch (code) {
                case 9 -> throw new AuthenticationRefusedException("the exchange refused the API key (error 9: "
                        + text + ")");
                case 10, 25 -> {
                    listener.note("error " + code + " (" + text + ") on " + channels + ": subscribing again");
                    for (String channel : channels) {
                        if (channel.isEmpty()) {
                            continue;
                        }
                        subscriptions.ended(channel);
                        boolean perMarket = !channel.equals(Subscriptions.LIFECYCLE);
                        if (!perMarket || markets.size() > 0) {
                            send(subscriptions.subscribe(List.of(channel), perMarket ? markets.tickers() : List.of()));
                        }
                    }
                }
                case 27 -> {
                    if (command != null) {
                        long attempt = retries.size() + 1;
                        Duration wait = min(options.initialBackoff().multipliedBy(1L << Math.min(attempt, 10)),
                                options.maxBackoff());
                        listener.note("error 27 (" + text + "): sending the command again in " + wait.toMillis()
                                + " ms");
                        retries.add(new Retry(command, System.nanoTime() + jitter(wait).toNanos()));
                    }
                }
                default -> listener.note("error " + code + " from the exchange: " + text);
            }
        }

        private void lifecycle(JsonNode msg) {
            String ticker = msg.path("market_ticker").asText("");
            switch (markets.lifecycle(msg)) {
                case ADDED -> {
                    listener.note("market opened: " + ticker);
                    addToSubscriptions(ticker);
                    writeMarkets();
                }
                case DROPPED -> {
                    String result = msg.path("result").asText("");
                    listener.note("market " + msg.path("event_type").asText() + ": " + ticker
                            + (result.isEmpty() ? "" : " → " + result));
                    for (String channel : List.of(Subscriptions.ORDERBOOK, Subscriptions.TRADE)) {
                        Long sid = subscriptions.sid(channel);
                        if (sid != null) {
                            send(subscriptions.update(sid, "delete_markets", List.of(ticker)));
                        }
                    }
                    writeMarkets();
                }
                case UPDATED -> writeMarkets();
                case NONE -> { }
            }
        }

        private void addToSubscriptions(String ticker) {
            Long book = subscriptions.sid(Subscriptions.ORDERBOOK);
            Long trade = subscriptions.sid(Subscriptions.TRADE);
            if (book == null && trade == null) {
                send(subscriptions.subscribe(List.of(Subscriptions.ORDERBOOK, Subscriptions.TRADE), List.of(ticker)));
                return;
            }
            for (Long sid : new Long[] {book, trade}) {
                if (sid != null) {
                    send(subscriptions.update(sid, "add_markets", List.of(ticker)));
                }
            }
        }
    }
}
