package io.kbt.kalshi.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.kalshi.auth.KalshiCredentials;
import io.kbt.kalshi.fake.FakeKalshi;
import io.kbt.kalshi.fake.SignatureVerifier;
import io.kbt.kalshi.fake.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real 2026-07 session replayed frame by frame by the fake exchange, recorded, and read back. */
class RecorderSessionTest {
    private static final List<String> NBA = List.of("KXNEXTTEAMNBA-26LJAM-MIA", "KXNEXTTEAMNBA-26LJAM-GSW",
            "KXNEXTTEAMNBA-26LJAM-CLE");

    @TempDir
    Path dir;

    private final FakeKalshi fake = new FakeKalshi(SignatureVerifier.ofTestKey());

    @AfterEach
    void close() {
        fake.close();
    }

    @Test
    void recordedFilesReadBackToExactlyTheEventsOfTheOriginalSession() throws Exception {
        Path session = Recordings.sharedData("kalshi-ws-2026-07/session.jsonl");
        List<String> original = Recordings.lines(session);
        NBA.forEach(t -> fake.openMarket(Markets.market(t), Markets.book(t, "0.10", "0.80")));
        fake.onCommand((connection, command) -> {
            if (FakeKalshi.is(command, "subscribe") && command.toString().contains("orderbook_delta")) {
                connection.startSidsAt(10);
                connection.replay(original);
                return true;
            }
            return false;
        });
        Path out = dir.resolve("rec");
        KalshiCredentials key = KalshiCredentials.load(TestKeys.KEY_ID, TestKeys.write(dir, "pkcs1"));

        try (RecorderRun run = new RecorderRun(RecordingOptions.of(List.of("KXNEXTTEAMNBA"), List.of(), out,
                fake.wsUrl(), fake.restUrl(), key, null))) {
            run.awaitFrames(original.size() + 1);
            Recorder.Summary summary = run.stop();

            assertThat(summary.markets()).isEqualTo(3);
            assertThat(summary.gaps()).isZero();
            assertThat(run.sealedFiles).hasSize(1);
        }
        Path recorded = single(out, ".jsonl.gz");
        List<String> lines = Recordings.lines(recorded);
        // every frame verbatim, with only the receive time added in front
        List<String> withoutReceiveTime = lines.stream().map(l -> "{" + l.substring(l.indexOf(',') + 1)).toList();
        assertThat(withoutReceiveTime).containsSubsequence(original);
        assertThat(lines).allMatch(l -> l.matches("\\{\"kbt_rx_us\":\\d{16},.*"));
        assertThat(Recordings.events(recorded)).isEqualTo(Recordings.events(session)).hasSize(2890);
        assertThat(single(out, ".markets.json")).content().contains(NBA.get(0), NBA.get(1), NBA.get(2));
        assertThat(fake.connections().get(0).commands()).hasSize(2);
    }

    static Path single(Path dir, String suffix) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> matching = files.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
            assertThat(matching).hasSize(1);
            return matching.get(0);
        }
    }
}
