package io.kbt.kalshi.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kbt.feeds.FeedReader;
import io.kbt.feeds.KalshiWsReader;
import io.kbt.feeds.TickerRegistry;
import io.kbt.kalshi.auth.KalshiCredentials;
import io.kbt.kalshi.fake.FakeConnection;
import io.kbt.kalshi.fake.FakeKalshi;
import io.kbt.kalshi.fake.SignatureVerifier;
import io.kbt.kalshi.fake.TestKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gaps, drops, silence, error frames and lifecycle, each against the fake exchange. */
class RecorderFaultsTest {
    private static final String A = "INXD-26JUL01-B5000";
    private static final String B = "INXD-26JUL01-B5025";
    private static final String C = "INXD-26JUL01-B5050";

    @TempDir
    Path dir;

    private final FakeKalshi fake = new FakeKalshi(SignatureVerifier.ofTestKey());
    private Path out;
    private KalshiCredentials key;
    private int second;

    @BeforeEach
    void exchange() {
        fake.openMarket(Markets.market(A), Markets.book(A, "0.40", "0.55"));
        fake.openMarket(Markets.market(B), Markets.book(B, "0.20", "0.75"));
        fake.knowMarket(Markets.market(C), Markets.book(C, "0.05", "0.90"));
        fake.pingEvery(100);
        out = dir.resolve("rec");
        key = KalshiCredentials.load(TestKeys.KEY_ID, TestKeys.write(dir, "pkcs8"));
    }

    @AfterEach
    void close() {
        fake.close();
    }

    private RecordingOptions options() {
        return RecordingOptions.of(List.of("INXD"), List.of(), out, fake.wsUrl(), fake.restUrl(), key, null)
                .withTimes(Duration.ofMillis(1500), Duration.ofMillis(50), Duration.ofMillis(400));
    }

    private ObjectNode delta(String ticker, String price, String delta) {
        second++;
        return Markets.delta(ticker, price, delta, "yes", String.format("2026-07-01T14:00:%02d.000000Z", second));
    }

    private static void awaitCommand(FakeConnection connection, String text) {
        RecorderRun.await(() -> connection.commands().stream().anyMatch(c -> c.toString().contains(text)),
                "a command with " + text + " (got " + connection.commands() + ")");
    }

    private List<String> events() throws Exception {
        return Recordings.events(RecorderSessionTest.single(out, ".jsonl.gz"));
    }

    @Test
    void aSeqGapIsNotedASnapshotIsAskedForAndTheBookWaitsForIt() throws Exception {
        try (RecorderRun run = new RecorderRun(options())) {
            FakeConnection connection = fake.awaitSubscribed(1, "orderbook_delta");
            long sid = connection.sid("orderbook_delta");
            connection.sendData("orderbook_delta", "orderbook_delta", delta(A, "0.40", "5.00"));
            connection.skipSeq("orderbook_delta", 3);
            connection.sendData("orderbook_delta", "orderbook_delta", delta(A, "0.40", "7.00"));
            awaitCommand(connection, "get_snapshot");
            connection.sendData("orderbook_delta", "orderbook_delta", delta(A, "0.40", "11.00"));
            run.awaitFrames(10);
            Recorder.Summary summary = run.stop();

            assertThat(summary.gaps()).isEqualTo(1);
            JsonNode command = connection.commands().stream().filter(c -> c.toString().contains("get_snapshot"))
                    .findFirst().orElseThrow();
            assertThat(command.path("cmd").asText()).isEqualTo("update_subscription");
            assertThat(command.path("params").path("sids").get(0).asLong()).isEqualTo(sid);
            assertThat(run.notes).anyMatch(n -> n.contains("seq gap on sid " + sid));
        }
        Path file = RecorderSessionTest.single(out, ".jsonl.gz");
        assertThat(Recordings.lines(file)).anyMatch(l -> l.contains("\"type\":\"kbt_gap\"")
                && l.contains("\"expected\":4") && l.contains("\"got\":7"));
        List<String> events = events();
        // the delta after the gap (+7) never reaches a book; the one after the fresh snapshot (+11) does
        assertThat(events).anyMatch(e -> e.startsWith("delta") && e.endsWith(" 500"))
                .noneMatch(e -> e.startsWith("delta") && e.endsWith(" 700"))
                .anyMatch(e -> e.startsWith("delta") && e.endsWith(" 1100"));
        assertThat(events.stream().filter(e -> e.startsWith("snapshot " ) && e.contains(A)).count()).isEqualTo(2);
        try (FeedReader reader = new KalshiWsReader(file, new TickerRegistry())) {
            while (reader.next() != null) { }
            assertThat(reader.stats().counts()).containsEntry(KalshiWsReader.GAP, 1L)
                    .containsEntry(KalshiWsReader.SKIPPED_AFTER_GAP + KalshiWsReader.DELTA, 1L);
        }
    }

    @Test
    void aDroppedConnectionIsReplacedAndSubscribedAgainWithNothingLostOrTwice() throws Exception {
        try (RecorderRun run = new RecorderRun(options())) {
            FakeConnection first = fake.awaitSubscribed(1, "orderbook_delta");
            for (int i = 1; i <= 5; i++) {
                first.sendData("orderbook_delta", "orderbook_delta", delta(A, "0.40", i + ".00"));
            }
            run.awaitFrames(2 + 2 + 1 + 5);
            first.drop();
            FakeConnection second = fake.awaitSubscribed(2, "orderbook_delta");
            for (int i = 6; i <= 10; i++) {
                second.sendData("orderbook_delta", "orderbook_delta", delta(A, "0.40", i + ".00"));
            }
            run.awaitFrames(2 * 10);
            Recorder.Summary summary = run.stop();
            assertThat(summary.reconnects()).isEqualTo(1);
            assertThat(second.commands().get(0).toString()).contains("subscribe", A, B);
        }
        List<String> deltas = events().stream().filter(e -> e.startsWith("delta")).toList();
        assertThat(deltas).hasSize(10).doesNotHaveDuplicates();
        assertThat(deltas.stream().map(e -> e.substring(e.lastIndexOf(' ') + 1)).toList())
                .containsExactly("100", "200", "300", "400", "500", "600", "700", "800", "900", "1000");
        // both connections' snapshots of both markets: the second set rebuilds the books after the reconnect
        assertThat(events().stream().filter(e -> e.startsWith("snapshot")).count()).isEqualTo(4);
    }

    @Test
    void aSilentConnectionIsDeclaredDeadAndReplaced() throws Exception {
        try (RecorderRun run = new RecorderRun(options())) {
            FakeConnection first = fake.awaitSubscribed(1, "orderbook_delta");
            first.sendData("orderbook_delta", "orderbook_delta", delta(A, "0.40", "1.00"));
            run.awaitFrames(6);
            first.goSilent();
            FakeConnection second = fake.awaitSubscribed(2, "orderbook_delta");
            second.sendData("orderbook_delta", "orderbook_delta", delta(A, "0.40", "2.00"));
            run.awaitFrames(12);
            run.stop();
            assertThat(run.notes).anyMatch(n -> n.contains("silent"));
        }
        assertThat(events().stream().filter(e -> e.startsWith("delta")).toList()).hasSize(2);
    }

    @Test
    void atNewYorkMidnightTheFileIsSealedAndTheNextDayStartsWithItsOwnSnapshots() throws Exception {
        java.time.ZonedDateTime midnight = java.time.LocalDate.now(DayFiles.NEW_YORK).plusDays(1)
                .atStartOfDay(DayFiles.NEW_YORK);
        java.time.Clock clock = java.time.Clock.offset(java.time.Clock.systemUTC(),
                Duration.between(java.time.Instant.now(), midnight.toInstant().minusMillis(1500)));
        try (RecorderRun run = new RecorderRun(options(), clock)) {
            FakeConnection first = fake.awaitSubscribed(1, "orderbook_delta");
            first.sendData("orderbook_delta", "orderbook_delta", delta(A, "0.40", "1.00"));
            RecorderRun.await(() -> clock.instant().isAfter(midnight.toInstant().plusMillis(100)), "midnight");
            first.sendData("orderbook_delta", "orderbook_delta", delta(A, "0.40", "2.00"));
            FakeConnection second = fake.awaitSubscribed(2, "orderbook_delta");
            second.sendData("orderbook_delta", "orderbook_delta", delta(A, "0.40", "3.00"));
            run.awaitFrames(13);
            run.stop();
            assertThat(run.sealedFiles).hasSize(2);
            assertThat(run.sealedFiles.get(0).getFileName().toString()).contains(midnight.toLocalDate().minusDays(1)
                    .toString());
            assertThat(run.sealedFiles.get(1).getFileName().toString()).contains(midnight.toLocalDate().toString());
            // each day's file reads on its own: the second begins with its subscription's snapshots
            assertThat(Recordings.events(run.sealedFiles.get(0))).filteredOn(e -> e.startsWith("delta")).hasSize(2);
            List<String> nextDay = Recordings.events(run.sealedFiles.get(1));
            assertThat(nextDay.get(0)).startsWith("snapshot");
            assertThat(nextDay).filteredOn(e -> e.startsWith("delta")).hasSize(1);
        }
    }

    @Test
    void restFailuresAtStartAndForANewMarketAreRetriedOrOutlivedNotFatal() throws Exception {
        fake.failRest(2);
        try (RecorderRun run = new RecorderRun(options())) {
            FakeConnection connection = fake.awaitSubscribed(1, "market_lifecycle_v2");
            assertThat(run.notes).filteredOn(n -> n.startsWith("cannot list the markets")).hasSize(2);
            fake.failRest(1);
            connection.sendRaw("{\"type\":\"market_lifecycle_v2\",\"sid\":" + connection.sid("market_lifecycle_v2")
                    + ",\"msg\":{\"market_ticker\":\"" + C + "\",\"event_type\":\"created\"}}");
            awaitCommand(connection, "add_markets");
            run.stop();
            assertThat(run.failure.get()).isNull();
            assertThat(connection.commands().get(0).toString()).contains(A, B);
        }
        JsonNode markets = fake.mapper().readTree(RecorderSessionTest.single(out, ".markets.json").toFile());
        assertThat(markets.path("markets").toString()).contains(C);
    }

    @Test
    void error25EndsOneSubscriptionWhichIsSubscribedAgain() throws Exception {
        try (RecorderRun run = new RecorderRun(options())) {
            FakeConnection connection = fake.awaitSubscribed(1, "trade");
            connection.overflow("trade");
            RecorderRun.await(() -> connection.sid("trade") != null, "trade subscribed again");
            connection.sendData("trade", "trade", Markets.trade(A, "0.41", "3.00", "yes", 1_782_914_400L));
            run.awaitFrames(8);
            run.stop();
            assertThat(connection.commands().get(connection.commands().size() - 1).toString())
                    .contains("\"channels\":[\"trade\"]", A, B);
            assertThat(run.notes).anyMatch(n -> n.startsWith("error 25"));
        }
        assertThat(events()).anyMatch(e -> e.startsWith("trade") && e.contains(A + " 41 300 YES"));
    }

    @Test
    void error27BacksOffAndSendsTheCommandAgain() throws Exception {
        boolean[] refusedOnce = {false};
        fake.onCommand((connection, command) -> {
            if (!refusedOnce[0] && FakeKalshi.is(command, "subscribe")) {
                refusedOnce[0] = true;
                connection.sendError(command.path("id").asInt(), 27, "Too many requests");
                return true;
            }
            return false;
        });
        try (RecorderRun run = new RecorderRun(options())) {
            FakeConnection connection = fake.awaitSubscribed(1, "orderbook_delta");
            run.stop();
            assertThat(run.notes).anyMatch(n -> n.startsWith("error 27"));
            assertThat(connection.commands().stream().filter(c -> c.toString().contains("orderbook_delta")))
                    .hasSize(2);
        }
    }

    @Test
    void aBadSignatureIsRefusedAndStopsTheRecorder() throws Exception {
        KalshiCredentials wrongId = KalshiCredentials.load("someone-else", TestKeys.write(dir, "pkcs1"));
        RecordingOptions options = RecordingOptions.of(List.of(), List.of(), out, fake.wsUrl(), fake.restUrl(),
                wrongId, null);
        try (RecorderRun run = new RecorderRun(options)) {
            Throwable failure = run.awaitFailure();
            assertThat(failure).isInstanceOf(AuthenticationRefusedException.class).hasMessageContaining("401");
        }
        assertThat(fake.refusedHandshakes()).isEqualTo(1);
    }

    @Test
    void error9StopsTheRecorder() throws Exception {
        fake.onCommand((connection, command) -> {
            connection.sendError(command.path("id").asInt(), 9, "Authentication required");
            return true;
        });
        try (RecorderRun run = new RecorderRun(options())) {
            assertThat(run.awaitFailure()).isInstanceOf(AuthenticationRefusedException.class)
                    .hasMessageContaining("error 9");
        }
        assertThat(RecorderSessionTest.single(out, ".jsonl.gz")).isNotNull();
    }

    @Test
    void aMarketOpeningMidSessionIsAddedAndASettledOneDroppedWithItsResult() throws Exception {
        try (RecorderRun run = new RecorderRun(options())) {
            FakeConnection connection = fake.awaitSubscribed(1, "market_lifecycle_v2");
            long lifecycle = connection.sid("market_lifecycle_v2");
            connection.sendRaw("{\"type\":\"market_lifecycle_v2\",\"sid\":" + lifecycle + ",\"msg\":{\"market_ticker\":\""
                    + C + "\",\"event_type\":\"created\",\"open_ts\":1782914400,\"close_ts\":1782936000}}");
            connection.sendRaw("{\"type\":\"market_lifecycle_v2\",\"sid\":" + lifecycle + ",\"msg\":{\"market_ticker\":"
                    + "\"KXBTCD-26JUL01-T1\",\"event_type\":\"created\"}}");
            awaitCommand(connection, "add_markets");
            connection.sendData("orderbook_delta", "orderbook_delta", delta(C, "0.05", "4.00"));
            connection.sendRaw("{\"type\":\"market_lifecycle_v2\",\"sid\":" + lifecycle + ",\"msg\":{\"market_ticker\":\""
                    + A + "\",\"event_type\":\"determined\",\"result\":\"yes\",\"determination_ts\":1782936100}}");
            awaitCommand(connection, "delete_markets");
            run.awaitFrames(14);
            Recorder.Summary summary = run.stop();
            assertThat(summary.markets()).isEqualTo(2);
            List<String> added = new ArrayList<>();
            connection.commands().stream().filter(c -> c.toString().contains("add_markets"))
                    .forEach(c -> added.add(c.path("params").path("market_tickers").get(0).asText()));
            assertThat(added).containsOnly(C).hasSize(2);
            assertThat(run.notes).anyMatch(n -> n.contains("market opened: " + C))
                    .noneMatch(n -> n.contains("KXBTCD"));
        }
        assertThat(events()).anyMatch(e -> e.startsWith("snapshot") && e.contains(C))
                .anyMatch(e -> e.startsWith("delta") && e.contains(C));
        JsonNode markets = fake.mapper().readTree(RecorderSessionTest.single(out, ".markets.json").toFile());
        Map<String, JsonNode> byTicker = new java.util.HashMap<>();
        markets.path("markets").forEach(m -> byTicker.put(m.path("ticker").asText(), m));
        assertThat(byTicker).containsKeys(A, B, C);
        assertThat(byTicker.get(A).path("result").asText()).isEqualTo("yes");
    }
}
