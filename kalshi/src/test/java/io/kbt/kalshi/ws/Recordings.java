package io.kbt.kalshi.ws;

import io.kbt.engine.event.BookDelta;
import io.kbt.engine.event.BookSnapshot;
import io.kbt.engine.event.MarketEvent;
import io.kbt.engine.event.Trade;
import io.kbt.feeds.FeedReader;
import io.kbt.feeds.KalshiWsReader;
import io.kbt.feeds.TickerRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Reading recordings back in tests: their lines, and their events as kbt's websocket reader gives them. */
final class Recordings {
    private Recordings() {}

    static Path sharedData(String relative) {
        Path path = Path.of(System.getProperty("kbt.sharedData", "../shared/data")).resolve(relative).normalize();
        if (!Files.isReadable(path)) {
            throw new IllegalStateException("reference data missing: " + path);
        }
        return path;
    }

    static List<String> lines(Path file) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(file.toString().endsWith(".gz")
                ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file), StandardCharsets.UTF_8))) {
            return in.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The events of {@code file} through {@link KalshiWsReader}, each written without its seq (a line number, which
     * differs between a recording and its source) and with its market as a ticker.
     */
    static List<String> events(Path file) {
        TickerRegistry registry = new TickerRegistry();
        List<String> events = new ArrayList<>();
        try (FeedReader reader = new KalshiWsReader(file, registry)) {
            for (MarketEvent event = reader.next(); event != null; event = reader.next()) {
                events.add(describe(event, registry));
            }
        }
        return events;
    }

    static String describe(MarketEvent event, TickerRegistry registry) {
        return switch (event) {
            case BookSnapshot s -> "snapshot " + s.ts() + " " + registry.ticker(s.market()) + " " + s.yesBids() + " "
                    + s.noBids();
            case BookDelta d -> "delta " + d.ts() + " " + registry.ticker(d.market()) + " " + d.side() + " " + d.price()
                    + " " + d.delta();
            case Trade t -> "trade " + t.ts() + " " + registry.ticker(t.market()) + " " + t.yesPrice() + " " + t.count()
                    + " " + t.takerSide();
            default -> event.toString();
        };
    }
}
