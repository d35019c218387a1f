package io.kbt.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kbt.engine.event.MarketEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A websocket file read by path (cut into chunks of lines scanned on several threads) against the same bytes read
 * from a stream on the caller's thread: the same events and counters over many chunks and 64 KiB reads (lines
 * straddling both), gzip too; a bad line and a bad byte in later chunks reported at their true lines after every
 * event before them; a line longer than a read; an empty file; and the scanning threads gone once the reader is
 * closed early.
 */
class ChunkedWsFramesTest {
    private static final String M = "INXD-26JAN05-B6062";
    private static final int FRAMES = 6_000;

    @TempDir
    Path dir;

    private static List<String> frames(int count) {
        List<String> lines = new ArrayList<>();
        lines.add("{\"type\":\"orderbook_snapshot\",\"sid\":1,\"seq\":1,\"msg\":{\"market_ticker\":\"" + M
                + "\",\"yes\":[[1,187],[2,5]],\"no\":[[91,78]],\"ts\":\"2026-01-05T14:30:00.000000Z\"}}");
        for (int i = 2; i <= count; i++) {
            String ts = String.format("2026-01-05T14:%02d:%02d.%06dZ", 30 + i / 60_000, i / 1_000 % 60, i % 1_000);
            lines.add(i % 7 == 0
                    ? "{\"type\":\"trade\",\"sid\":1,\"seq\":" + i + ",\"msg\":{\"trade_id\":\"t" + i
                            + "\",\"market_ticker\":\"" + M + "\",\"yes_price\":3,\"no_price\":97,\"count\":" + (i % 5 + 1)
                            + ",\"taker_side\":\"yes\",\"ts\":\"" + ts + "\"}}"
                    : "{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":" + i + ",\"msg\":{\"market_ticker\":\"" + M
                            + "\",\"price\":" + (1 + i % 90) + ",\"delta\":" + (i % 2 == 0 ? 17 : -17)
                            + ",\"side\":\"" + (i % 3 == 0 ? "no" : "yes") + "\",\"ts\":\"" + ts + "\"}}");
            if (i % 1_000 == 0) {
                lines.add("");
            }
        }
        return lines;
    }

    @Test
    void readsManyBatchesAsTheCallersThreadDoesPlainAndGzipped() throws IOException {
        List<String> lines = frames(FRAMES);
        Path plain = TestFiles.write(dir, "ws.jsonl", lines.toArray(String[]::new));
        Path gzipped = TestFiles.gzip(dir, "ws.jsonl.gz", lines.toArray(String[]::new));
        assertThat(Files.size(plain)).isGreaterThan(8 * 65_536);
        KalshiWsReader inline;
        List<MarketEvent> expected;
        try (InputStream in = Files.newInputStream(plain)) {
            inline = new KalshiWsReader(in, plain.toString(), new TickerRegistry());
            expected = TestFiles.readAll(inline);
        }
        assertThat(expected).hasSize(FRAMES);
        KalshiWsReader pipelined = new KalshiWsReader(plain, new TickerRegistry());
        assertThat(TestFiles.readAll(pipelined)).isEqualTo(expected);
        assertThat(pipelined.stats().counts()).isEqualTo(inline.stats().counts());
        assertThat(TestFiles.readAll(new KalshiWsReader(gzipped, plain.toString(), new TickerRegistry())))
                .isEqualTo(expected);
    }

    @Test
    void reportsABadLineFarIntoTheFileAtItsTrueLineAfterEveryEventBeforeIt() {
        List<String> lines = frames(FRAMES);
        int bad = 4_321;
        lines.set(bad - 1, lines.get(bad - 1).replace("\"price\":", "\"price\":x"));
        Path file = TestFiles.write(dir, "bad.jsonl", lines.toArray(String[]::new));
        List<MarketEvent> read = new ArrayList<>();
        try (KalshiWsReader reader = new KalshiWsReader(file, new TickerRegistry())) {
            assertThatThrownBy(() -> {
                for (MarketEvent event = reader.next(); event != null; event = reader.next()) {
                    read.add(event);
                }
            }).isInstanceOf(BadInputException.class).hasMessageStartingWith(file + ":" + bad + ": malformed JSON");
        }
        // Line 4,321 is the 4,317th frame: four blank lines come before it.
        assertThat(read).hasSize(4_316);
        assertThat(read.get(read.size() - 1).seq()).isEqualTo(bad - 1);
    }

    @Test
    void reportsABadByteInALaterChunkAtItsTrueLine() throws IOException {
        List<String> lines = frames(FRAMES);
        int bad = 5_555;
        Path file = dir.resolve("bad-byte.jsonl");
        byte[] text = (String.join("\n", lines.subList(0, bad - 1)) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] rest = ("\n" + String.join("\n", lines.subList(bad, lines.size())) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(text);
            out.write(new byte[] {'{', (byte) 0xff, '}'});
            out.write(rest);
        }
        assertThat(text.length).isGreaterThan(3 * 262_144);
        assertThatThrownBy(() -> TestFiles.readAll(new KalshiWsReader(file, new TickerRegistry())))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith(file + ":" + bad + ": not valid UTF-8")
                .extracting(e -> ((BadInputException) e).line()).isEqualTo((long) bad);
    }

    @Test
    void readsALineLongerThanARead() {
        List<String> lines = frames(3);
        lines.add("{\"type\":\"trade\",\"sid\":1,\"seq\":4,\"msg\":{\"trade_id\":\"" + "x".repeat(200_000)
                + "\",\"market_ticker\":\"" + M + "\",\"yes_price\":3,\"count\":2,\"taker_side\":\"no\","
                + "\"ts\":\"2026-01-05T14:30:00.000004Z\"}}");
        lines.add(frames(5).get(4));
        Path file = TestFiles.write(dir, "long.jsonl", lines.toArray(String[]::new));
        List<MarketEvent> events = TestFiles.readAll(new KalshiWsReader(file, new TickerRegistry()));
        assertThat(events).extracting(MarketEvent::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    @Timeout(60)
    void aStreamThatFailsUnderTheScanningThreadsFailsTheReaderInsteadOfLeavingItWaiting() {
        byte[] bytes = (String.join("\n", frames(FRAMES)) + "\n").getBytes(StandardCharsets.UTF_8);
        InputStream failing = new InputStream() {
            private int at;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] into, int off, int len) {
                if (at > bytes.length / 2) {
                    throw new IllegalStateException("stream closed under the reader");
                }
                int n = Math.min(len, Math.min(65_536, bytes.length - at));
                System.arraycopy(bytes, at, into, off, n);
                at += n;
                return n;
            }
        };
        try (ChunkedWsFrames frames = new ChunkedWsFrames(failing, "failing.jsonl", 2)) {
            assertThatThrownBy(() -> {
                while (frames.next() != null) {
                    // read to the failure
                }
            }).isInstanceOf(IllegalStateException.class).hasMessageContaining("reading failing.jsonl after line")
                    .hasRootCauseMessage("stream closed under the reader");
        }
    }

    @Test
    void anEmptyFileIsBadInput() {
        Path file = TestFiles.write(dir, "empty.jsonl", "", " ");
        assertThatThrownBy(() -> TestFiles.readAll(new KalshiWsReader(file, new TickerRegistry())))
                .isInstanceOf(BadInputException.class).hasMessage(file + ": empty file: no frames");
    }

    @Test
    void closingEarlyStopsTheScanningThreads() throws InterruptedException {
        Path file = TestFiles.write(dir, "ws.jsonl", frames(FRAMES).toArray(String[]::new));
        try (KalshiWsReader reader = new KalshiWsReader(file, new TickerRegistry())) {
            assertThat(reader.next()).isNotNull();
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("kbt-frames " + file));
    }
}
