package io.kbt.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Small websocket recordings written by hand for the CLI tests. */
final class Recordings {
    private Recordings() {}

    /** A snapshot (untimed, seq 1) and {@code deltas} deltas of one market, one second apart, seq 2.. on sid 1. */
    static List<String> recording(String ticker, int sid, int deltas) {
        List<String> lines = new ArrayList<>();
        lines.add("{\"type\":\"orderbook_snapshot\",\"sid\":" + sid + ",\"seq\":1,\"msg\":{\"market_ticker\":\"" + ticker
                + "\",\"yes_dollars_fp\":[[\"0.4000\",\"10.00\"]],\"no_dollars_fp\":[[\"0.5500\",\"10.00\"]]}}");
        for (int i = 1; i <= deltas; i++) {
            lines.add(delta(i + 1, ticker, i, "0.4000", i % 2 == 0 ? "-1.00" : "1.00"));
        }
        return lines;
    }

    static String delta(int seq, String ticker, int second, String price, String count) {
        return "{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":" + seq + ",\"msg\":{\"market_ticker\":\"" + ticker
                + "\",\"price_dollars\":\"" + price + "\",\"delta_fp\":\"" + count + "\",\"side\":\"yes\",\"ts\":\""
                + String.format("2026-07-01T14:%02d:%02dZ", second / 60, second % 60) + "\"}}";
    }

    static Path write(Path file, List<String> lines, String newline) throws IOException {
        return Files.writeString(file, String.join(newline, lines) + newline, StandardCharsets.UTF_8);
    }
}
