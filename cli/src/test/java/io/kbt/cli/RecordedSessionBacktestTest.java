package io.kbt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kbt.kalshi.auth.KalshiCredentials;
import io.kbt.kalshi.fake.FakeKalshi;
import io.kbt.kalshi.fake.SignatureVerifier;
import io.kbt.kalshi.fake.TestKeys;
import io.kbt.kalshi.ws.Recorder;
import io.kbt.kalshi.ws.RecorderListener;
import io.kbt.kalshi.ws.RecorderStatus;
import io.kbt.kalshi.ws.RecordingOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real 2026-07 session, replayed by the fake exchange and recorded: its backtest equals the original's. */
class RecordedSessionBacktestTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> NBA = List.of("KXNEXTTEAMNBA-26LJAM-MIA", "KXNEXTTEAMNBA-26LJAM-GSW",
            "KXNEXTTEAMNBA-26LJAM-CLE");

    @TempDir
    Path dir;

    @Test
    void backtestOfTheRecordingEqualsBacktestOfTheOriginal() throws Exception {
        Path session = Path.of(System.getProperty("kbt.sharedData"), "kalshi-ws-2026-07", "session.jsonl");
        List<String> lines = Files.readAllLines(session);
        Path recorded = dir.resolve("recorded");
        try (FakeKalshi fake = new FakeKalshi(SignatureVerifier.ofTestKey())) {
            for (String ticker : NBA) {
                ObjectNode market = MAPPER.createObjectNode().put("ticker", ticker)
                        .put("event_ticker", "KXNEXTTEAMNBA-26LJAM").put("status", "active")
                        .put("close_time", "2026-07-01T03:00:00Z");
                fake.openMarket(market, MAPPER.createObjectNode());
            }
            fake.onCommand((connection, command) -> {
                if (FakeKalshi.is(command, "subscribe") && command.toString().contains("orderbook_delta")) {
                    connection.startSidsAt(10);
                    connection.replay(lines);
                    return true;
                }
                return false;
            });
            AtomicLong frames = new AtomicLong();
            Recorder recorder = new Recorder(RecordingOptions.of(List.of("KXNEXTTEAMNBA"), List.of(), recorded,
                    fake.wsUrl(), fake.restUrl(), KalshiCredentials.load(TestKeys.KEY_ID, TestKeys.write(dir, "pkcs8")),
                    null), new RecorderListener() {
                        @Override
                        public void status(RecorderStatus status) {
                            frames.set(status.frames());
                        }
                    }, Clock.systemUTC());
            CompletableFuture<Recorder.Summary> run = CompletableFuture.supplyAsync(recorder::run);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (frames.get() <= lines.size() && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            recorder.stop();
            assertThat(run.get(60, TimeUnit.SECONDS).frames()).isGreaterThan(lines.size());
        }
        // the original beside the same markets file, so both runs know the same markets
        Path original = dir.resolve("original");
        Files.createDirectories(original);
        Files.copy(session, original.resolve("session.jsonl"));
        try (Stream<Path> files = Files.list(recorded)) {
            Path markets = files.filter(p -> p.toString().endsWith(".markets.json")).findFirst().orElseThrow();
            Files.copy(markets, original.resolve("markets.json"));
        }

        JsonNode fromRecording = backtest(recorded, "bt-recorded");
        JsonNode fromOriginal = backtest(original, "bt-original");
        assertThat(fromRecording.path("events").asLong()).isEqualTo(2890);
        assertThat(fromRecording).isEqualTo(fromOriginal);
    }

    private JsonNode backtest(Path data, String name) throws Exception {
        Path out = dir.resolve(name);
        CliRun run = CliRun.of("backtest", "--from", "2026-06-30", "--data", data.toString(), "--set",
                "preset=seed", "--out", out.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        return UntimedSummary.of(out);
    }
}
