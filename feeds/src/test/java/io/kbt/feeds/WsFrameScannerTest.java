package io.kbt.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * {@link WsFrameScanner} against Jackson ({@link WsFrame#parse}) on the same lines: whatever the scanner reads, it
 * reads as Jackson does (same token kinds and texts, same levels), and it reads neither a line Jackson rejects nor
 * anything it is unsure of; it does read every frame {@code kbt generate} writes, so the fast path is really taken.
 */
class WsFrameScannerTest {
    private static final Path SAMPLE_WS = Path.of("../samples/src/main/resources/io/kbt/samples/sample/kalshi-ws.jsonl.gz");
    private static final String DELTA = "{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":15,\"msg\":{\"market_ticker\":"
            + "\"INXD-26JAN05-B6062\",\"price\":6,\"delta\":-173,\"side\":\"yes\",\"ts\":\"2026-01-05T14:30:00.521667Z\"}}";

    private final JsonFields fields = new JsonFields("test.jsonl");
    private final WsFrame jackson = new WsFrame(fields.mapper().getFactory(), fields);
    private final WsFrame scanned = new WsFrame(fields.mapper().getFactory(), fields);
    private final WsFrameScanner scanner = new WsFrameScanner();

    @Test
    void scansEveryGeneratedFrameAsJacksonReadsIt() throws IOException {
        List<String> lines = sampleLines();
        assertThat(lines).hasSizeGreaterThan(1_000);
        for (String line : lines) {
            assertThat(scan(line)).as(line).isTrue();
            assertThat(describe(scanned)).as(line).isEqualTo(jacksonView(line));
        }
    }

    @Test
    void scansTheRecordedSessionAsJacksonReadsItOrLeavesTheLineToJackson() throws IOException {
        for (String line : Files.readAllLines(SharedData.file("kalshi-ws-2026-07/session.jsonl"))) {
            if (!line.isBlank()) {
                check(line);
            }
        }
    }

    @Test
    void leavesWhatItDoesNotReadPlainlyToJackson() {
        for (String line : List.of(
                DELTA.replace("INXD", "IN\\u0058D"),
                DELTA.replace("\"price\":6", "\"price\":6.0"),
                DELTA.replace("\"price\":6", "\"price\":06"),
                DELTA.replace("\"price\":6", "\"price\":1e2"),
                DELTA.replace("\"price\":6", "\"price\":[6]"),
                DELTA.replace("\"price\":6", "\"price\":{\"v\":6}"),
                DELTA.replace("\"sid\":1", "\"sid\":12345678901234567890123"),
                DELTA + " x",
                DELTA + "}",
                DELTA.replace("}}", ",}}"),
                DELTA.replace("\"msg\":{", "\"msg\":["),
                "{}",
                "[]",
                "",
                "{\"type\":\"orderbook_snapshot\",\"sid\":1,\"seq\":1,\"msg\":{\"yes\":[[1,2,3]]}}",
                "{\"type\":\"orderbook_snapshot\",\"sid\":1,\"seq\":1,\"msg\":{\"yes\":[[1]]}}",
                "{\"type\":\"orderbook_snapshot\",\"sid\":1,\"seq\":1,\"msg\":{\"yes\":5}}",
                "{\"type\":\"orderbook_snapshot\",\"sid\":1,\"seq\":1,\"msg\":{\"yes\":[[\"0.5\",[1]]]}}")) {
            assertThat(scan(line)).as(line).isFalse();
        }
    }

    @Test
    void readsSpacesNullsBooleansDuplicatesAndUnknownFieldsAsJacksonDoes() {
        for (String line : List.of(
                " { \"type\" : \"trade\" , \"sid\" :1,\"seq\": 2 , \"msg\" : { \"market_ticker\" : \"A-B\" , "
                        + "\"yes_price\" : 3 , \"count\" : -0 , \"x\" : true , \"y\" : false , \"z\" : null } } \t",
                DELTA.replace("\"side\":\"yes\"", "\"side\":null"),
                DELTA.replace("\"msg\":{", "\"msg\":{\"price\":7,"),
                DELTA.replace("\"msg\":{", "\"extra\":\"e\",\"msg\":{"),
                DELTA.replace("\"msg\":{", "\"msg\":5,\"msg\":{"),
                "{\"type\":\"x\",\"msg\":\"text\"}",
                "{\"type\":\"x\",\"msg\":{}}",
                "{\"type\":\"orderbook_snapshot\",\"sid\":1,\"seq\":1,\"msg\":{\"market_ticker\":\"A\",\"yes\":[],"
                        + "\"no\":null,\"yes_dollars_fp\":[[\"0.5\",\"1.25\"],[ \"0.6\" , \"2\" ]],"
                        + "\"yes_dollars_fp\":[[\"0.7\",\"3\"]]}}")) {
            assertThat(scan(line)).as(line).isTrue();
            assertThat(describe(scanned)).as(line).isEqualTo(jacksonView(line));
        }
    }

    @Test
    void neverReadsAMutatedFrameDifferentlyFromJackson() throws IOException {
        List<String> lines = sampleLines();
        Random random = new Random(18);
        String alphabet = "{}[]\",:0123456789-.eE \\tnulfasyrx";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder line = new StringBuilder(lines.get(random.nextInt(lines.size())));
            for (int edits = 1 + random.nextInt(2); edits > 0 && !line.isEmpty(); edits--) {
                int at = random.nextInt(line.length());
                switch (random.nextInt(3)) {
                    case 0 -> line.deleteCharAt(at);
                    case 1 -> line.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> line.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            check(line.toString());
        }
    }

    /** If the scanner reads {@code line}, Jackson reads it too and to the same values. */
    private void check(String line) {
        if (scan(line)) {
            assertThat(describe(scanned)).as(line).isEqualTo(jacksonView(line));
        }
    }

    private boolean scan(String line) {
        byte[] bytes = ("  " + line).getBytes(StandardCharsets.US_ASCII);
        return scanner.scan(scanned, bytes, 2, bytes.length - 2);
    }

    private String jacksonView(String line) {
        try {
            jackson.parse(line.toCharArray(), line.length());
        } catch (BadInputException e) {
            return "rejected by Jackson: " + e.getMessage();
        }
        return describe(jackson);
    }

    private static String describe(WsFrame frame) {
        StringBuilder text = new StringBuilder();
        for (JsonValue value : new JsonValue[] {frame.type, frame.sid, frame.seq, frame.msgNotObject,
                frame.marketTicker, frame.price, frame.priceDollars, frame.delta, frame.deltaFp, frame.side, frame.ts,
                frame.tsMs, frame.yesPrice, frame.noPrice, frame.yesPriceDollars, frame.noPriceDollars, frame.count,
                frame.countFp, frame.takerSide}) {
            text.append(value).append(';');
        }
        for (int i = 0; i < WsFrame.LEVEL_FIELDS.length; i++) {
            text.append(WsFrame.LEVEL_FIELDS[i]).append(frame.levelsPresent[i] ? "=" : "-");
            for (JsonValue[] pair : frame.levels.get(i)) {
                text.append('[').append(pair[0]).append(',').append(pair[1]).append(']');
            }
            text.append(';');
        }
        return text.toString();
    }

    /** Every snapshot and trade of the bundled sample and every 20th delta (they all have one shape). */
    private static List<String> sampleLines() throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(SAMPLE_WS))) {
            List<String> lines = new ArrayList<>();
            int deltas = 0;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && (!line.contains("\"orderbook_delta\"") || deltas++ % 20 == 0)) {
                    lines.add(line);
                }
            }
            return lines;
        }
    }
}
