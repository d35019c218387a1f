package io.kbt.kalshi.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kbt.db.Database;
import io.kbt.db.replay.StoredData;
import io.kbt.engine.market.Market;
import io.kbt.engine.market.Selection;
import io.kbt.feeds.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/** What every kind of fetch shares: the store, Kalshi, the directory files go to, the clock, the progress bar. */
record FetchContext(Database db, KalshiRest rest, Path workDir, LongSupplier nowMicros, FetchProgress progress) {
    static final ObjectMapper JSON = new ObjectMapper();

    /** The seconds still to fetch of one market, from {@code sinceSec} (inclusive) to {@code untilSec}. */
    record Window(long sinceSec, long untilSec) {
        boolean empty() {
            return sinceSec >= untilSec;
        }
    }

    /**
     * The seconds still to fetch for one market: from its checkpoint (else its open time, else 30 days before its
     * close), up to one {@code step} past its close, or now when it has not closed; rounded to whole steps.
     */
    Window window(long checkpoint, Market m, long stepSec) {
        long close = m.closeTime() == Long.MAX_VALUE ? nowMicros.getAsLong() : m.closeTime();
        long open = m.openTime() != Long.MIN_VALUE ? m.openTime() : close - 30L * 86_400_000_000L;
        long since = checkpoint != Long.MIN_VALUE ? checkpoint : open;
        long sinceSec = Math.floorDiv(Math.floorDiv(since, 1_000_000L), stepSec) * stepSec;
        long closeEnd = (Math.floorDiv(Math.floorDiv(close, 1_000_000L), stepSec) + 1) * stepSec;
        long nowSec = Math.floorDiv(Math.floorDiv(nowMicros.getAsLong(), 1_000_000L), stepSec) * stepSec;
        return new Window(sinceSec, Math.min(closeEnd, nowSec));
    }

    /** The stored markets of a selection (fetch markets first) by ticker, with their stored ids. */
    Map<Market, Integer> stored(Selection selection) {
        StoredData.Selected selected = new StoredData(db).select(selection);
        Map<Market, Integer> markets = new LinkedHashMap<>();
        List<Market> list = selected.instruments().markets();
        for (int i = 0; i < list.size(); i++) {
            markets.put(list.get(i), selected.storedIds().get(i));
        }
        return markets;
    }

    /** Writes one fetched page to {@code workDir}; the file the importers then read. */
    Path write(String name, JsonNode page) {
        try {
            Files.createDirectories(workDir);
            Path file = workDir.resolve(name);
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), page);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(workDir + ": " + e.getMessage(), e);
        }
    }

    static long isoMicros(JsonNode node, String field, String source) {
        String text = node.path(field).asText("");
        try {
            Instant t = OffsetDateTime.parse(text).toInstant();
            return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
        } catch (DateTimeParseException e) {
            throw new BadInputException(source, 0, "\"" + field + "\" is not a time: '" + text + "' in " + node);
        }
    }
}
