package io.kbt.kalshi.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kbt.db.Database;
import io.kbt.db.history.CandleStore;
import io.kbt.db.history.FeeChangeStore;
import io.kbt.db.history.FeeChangeStore.FeeChange;
import io.kbt.db.history.FetchCheckpoints;
import io.kbt.db.imports.EventImporter;
import io.kbt.db.imports.ImportProgress;
import io.kbt.db.imports.ImportReport;
import io.kbt.db.imports.Imports;
import io.kbt.db.imports.MarketsImporter;
import io.kbt.db.replay.StoredData;
import io.kbt.engine.market.Market;
import io.kbt.engine.market.Selection;
import io.kbt.feeds.BadInputException;
import io.kbt.feeds.Candle;
import io.kbt.feeds.CandlesJsonReader;
import io.kbt.feeds.write.CandlesJsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * {@code kbt fetch}: brings what Kalshi keeps over REST into the store, through the same importers as
 * {@code kbt import} (markets upserted by ticker, trades as REST pages), candles and fee changes into their
 * tables. Both tiers are asked wherever the historical cutoff could split the data, re-reading the cutoff after
 * the live tier (it moves). Per market and kind a checkpoint records up to when everything is stored, written
 * after the data; an interrupted fetch resumes there, and a market complete up to its close is not asked again.
 * Every file the store gets is first written under {@code workDir} (the user's {@code --out}, or a scratch
 * directory), one per market and window, in a canonical order, so that a window fetched twice is the same file
 * and the importer's own identity (sha256) keeps it from being stored twice.
 */
public final class HistoryFetch {
    /** Candles per request: Kalshi answers 400 to too many. */
    static final int CANDLES_PER_REQUEST = 1000;
    /** Markets (or candle pages) fetched ahead of what is stored. */
    private static final int STORE_DEPTH = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;
    private final KalshiRest rest;
    private final Path workDir;
    private final LongSupplier nowMicros;
    private final FetchProgress progress;

    public HistoryFetch(Database db, KalshiRest rest, Path workDir, LongSupplier nowMicros, FetchProgress progress) {
        this.db = db;
        this.rest = rest;
        this.workDir = workDir;
        this.nowMicros = nowMicros;
        this.progress = progress;
    }

    /** Markets of {@code series} closing within the selection's dates, both tiers, upserted by ticker. */
    public KindSummary markets(Selection range) {
        long fromSec = Math.floorDiv(range.fromMicros(), 1_000_000L);
        long toSec = Math.floorDiv(range.toMicrosExclusive(), 1_000_000L) - 1;
        int created = 0;
        int updated = 0;
        int fetched = 0;
        progress.start("markets", range.series().size() + range.tickers().size());
        try {
            for (String series : range.series()) {
                Map<String, JsonNode> byTicker = new TreeMap<>();
                rest.markets(series, fromSec, toSec, m -> byTicker.put(m.path("ticker").asText(), m));
                HistoricalCutoff cutoff = rest.cutoff();
                if (range.fromMicros() < cutoff.marketSettled()) {
                    rest.historicalMarkets(series, m -> {
                        long close = isoMicros(m, "close_time", "/historical/markets");
                        if (close >= range.fromMicros() && close < range.toMicrosExclusive()) {
                            byTicker.putIfAbsent(m.path("ticker").asText(), m);
                        }
                    });
                }
                byTicker.values().forEach(m -> {
                    if (!m.hasNonNull("series_ticker")) {
                        ((ObjectNode) m).put("series_ticker", series);
                    }
                });
                fetched += byTicker.size();
                MarketsImporter.Report report = storeMarkets("markets-" + series + ".json", byTicker.values());
                created += report.created();
                updated += report.updated();
                progress.step(series);
            }
            for (String ticker : range.tickers()) {
                Map<String, JsonNode> byTicker = new TreeMap<>();
                rest.marketsByTicker(false, ticker, m -> byTicker.put(m.path("ticker").asText(), m));
                if (byTicker.isEmpty()) {
                    rest.marketsByTicker(true, ticker, m -> byTicker.put(m.path("ticker").asText(), m));
                }
                if (byTicker.isEmpty()) {
                    throw new BadInputException("/markets?tickers=" + ticker, 0, "Kalshi knows no market " + ticker);
                }
                fetched += byTicker.size();
                MarketsImporter.Report report = storeMarkets("markets-" + ticker + ".json", byTicker.values());
                created += report.created();
                updated += report.updated();
                progress.step(ticker);
            }
        } finally {
            progress.done();
        }
        return new KindSummary("markets", range.series().size() + range.tickers().size(), 0, fetched,
                created + updated, List.of());
    }

    private MarketsImporter.Report storeMarkets(String name, Iterable<JsonNode> markets) {
        ObjectNode page = JSON.createObjectNode();
        ArrayNode array = page.putArray("markets");
        markets.forEach(array::add);
        Path file = write(name, page);
        return new MarketsImporter(db).importFile(file);
    }

    /** Every trade of the selected markets (stored ones: fetch markets first), both tiers. */
    public KindSummary trades(Selection selection) {
        List<Market> markets = stored(selection);
        EventImporter importer = new EventImporter(db, ImportProgress.NONE);
        FetchCheckpoints checkpoints = new FetchCheckpoints(db.dsl());
        int complete = 0;
        long fetched = 0;
        long added;
        List<String> warnings = java.util.Collections.synchronizedList(new ArrayList<>());
        progress.start("trades", markets.size());
        try (StoreQueue store = new StoreQueue(STORE_DEPTH)) {
            for (Market m : markets) {
                Window w = window(checkpoints.fetchedUntil("trades", m.ticker()), m, 1);
                if (w.empty()) {
                    complete++;
                    progress.step(m.ticker());
                    continue;
                }
                Map<String, JsonNode> trades = new LinkedHashMap<>();
                HistoricalCutoff before = rest.cutoff();
                if (w.untilSec() * 1_000_000L > before.tradesCreated()) {
                    rest.trades(false, m.ticker(), w.sinceSec(), w.untilSec(), t -> keep(trades, t, w));
                }
                HistoricalCutoff after = rest.cutoff();
                if (w.sinceSec() * 1_000_000L < after.tradesCreated()) {
                    rest.trades(true, m.ticker(), w.sinceSec(), w.untilSec(), t -> keep(trades, t, w));
                }
                fetched += trades.size();
                store.submit(() -> {
                    long n = 0;
                    if (!trades.isEmpty()) {
                        Path file = write("trades-" + m.ticker() + "-" + w.sinceSec() + "-" + w.untilSec() + ".json",
                                tradesPage(trades.values()));
                        ImportReport report = importer.importFile(Imports.trades(file));
                        n = report.trades();
                        warnings.addAll(report.warnings());
                    }
                    checkpoints.fetched("trades", m.ticker(), w.untilSec() * 1_000_000L);
                    return n;
                });
                progress.step(m.ticker());
            }
            added = store.drain();
        } finally {
            progress.done();
        }
        return new KindSummary("trades", markets.size(), complete, fetched, added, warnings);
    }

    private static void keep(Map<String, JsonNode> trades, JsonNode t, Window w) {
        long created = isoMicros(t, "created_time", "/markets/trades");
        if (created >= w.sinceSec() * 1_000_000L && created < w.untilSec() * 1_000_000L) {
            String id = t.hasNonNull("trade_id") ? t.get("trade_id").asText() : t.toString();
            trades.putIfAbsent(id, t);
        }
    }

    /** Kalshi's order (newest first), ties by trade id, whatever pages and tiers the trades came from. */
    private static ObjectNode tradesPage(Iterable<JsonNode> trades) {
        List<JsonNode> sorted = new ArrayList<>();
        trades.forEach(sorted::add);
        sorted.sort(Comparator.comparingLong((JsonNode t) -> isoMicros(t, "created_time", "trades")).reversed()
                .thenComparing(t -> t.path("trade_id").asText(), Comparator.reverseOrder()));
        ObjectNode page = JSON.createObjectNode();
        sorted.forEach(page.putArray("trades")::add);
        page.put("cursor", "");
        return page;
    }

    /** Candles of {@code periodMinutes} of the selected markets, paged by time, both tiers. */
    public KindSummary candles(Selection selection, int periodMinutes) {
        List<Market> markets = stored(selection);
        Map<String, Integer> ids = storedIds(selection);
        String kind = "candles:" + periodMinutes;
        long periodSec = periodMinutes * 60L;
        int complete = 0;
        long fetched = 0;
        long added;
        List<String> warnings = new ArrayList<>();
        progress.start("candles", markets.size());
        try (StoreQueue store = new StoreQueue(STORE_DEPTH)) {
            for (Market m : markets) {
                long checkpoint = new FetchCheckpoints(db.dsl()).fetchedUntil(kind, m.ticker());
                Window w = window(checkpoint, m, periodSec);
                if (w.empty()) {
                    complete++;
                    progress.step(m.ticker());
                    continue;
                }
                HistoricalCutoff cutoff = rest.cutoff();
                boolean historical = m.closeTime() < cutoff.marketSettled();
                CandlesJsonReader reader = new CandlesJsonReader("candlesticks of " + m.ticker(), m.ticker(),
                        m.tickSize(), periodMinutes);
                for (long start = w.sinceSec(); start < w.untilSec(); start += periodSec * CANDLES_PER_REQUEST) {
                    long end = Math.min(start + periodSec * CANDLES_PER_REQUEST, w.untilSec()) - 1;
                    List<JsonNode> page = rest.candles(historical, m.seriesTicker(), m.ticker(), start, end,
                            periodMinutes);
                    if (page == null) {
                        historical = !historical;
                        page = rest.candles(historical, m.seriesTicker(), m.ticker(), start, end, periodMinutes);
                    }
                    if (page == null) {
                        warnings.add("neither tier has candles of " + m.ticker());
                        break;
                    }
                    List<Candle> candles = reader.read(page);
                    fetched += candles.size();
                    if (workDir != null && !candles.isEmpty()) {
                        CandlesJsonWriter.write(workDir.resolve("candles-" + m.ticker() + "-" + periodMinutes + "-"
                                + start + ".json"), m.ticker(), m.tickSize(), candles);
                    }
                    long until = (end + 1) * 1_000_000L;
                    int marketId = ids.get(m.ticker());
                    store.submit(() -> (long) db.dsl().transactionResult(tx -> {
                        int n = new CandleStore(tx.dsl()).insert(marketId, candles);
                        new FetchCheckpoints(tx.dsl()).fetched(kind, m.ticker(), until);
                        return n;
                    }));
                }
                progress.step(m.ticker());
            }
            added = store.drain();
        } finally {
            progress.done();
        }
        return new KindSummary("candles", markets.size(), complete, fetched, added, warnings);
    }

    /** The fee changes of each series, stored by Kalshi's id. */
    public KindSummary fees(List<String> series) {
        long fetched = 0;
        long added = 0;
        progress.start("fees", series.size());
        try {
            for (String s : series) {
                List<JsonNode> changes = rest.feeChanges(s);
                if (workDir != null) {
                    ObjectNode page = JSON.createObjectNode();
                    changes.forEach(page.putArray("series_fee_change_arr")::add);
                    write("fees-" + s + ".json", page);
                }
                List<FeeChange> parsed = new ArrayList<>();
                for (JsonNode c : changes) {
                    parsed.add(feeChange(c));
                }
                fetched += parsed.size();
                added += db.dsl().transactionResult(tx -> {
                    FeeChangeStore store = new FeeChangeStore(tx.dsl());
                    int n = 0;
                    for (FeeChange c : parsed) {
                        n += store.upsert(c);
                    }
                    return n;
                });
                progress.step(s);
            }
        } finally {
            progress.done();
        }
        return new KindSummary("fees", series.size(), 0, fetched, added, List.of());
    }

    private static FeeChange feeChange(JsonNode c) {
        String source = "/series/fee_changes";
        for (String field : List.of("id", "series_ticker", "fee_type", "fee_multiplier", "scheduled_ts")) {
            if (!c.hasNonNull(field)) {
                throw new BadInputException(source, 0, "fee change without \"" + field + "\": " + c);
            }
        }
        String type = c.get("fee_type").asText();
        if (!List.of("quadratic", "quadratic_with_maker_fees", "flat").contains(type)) {
            throw new BadInputException(source, 0, "unknown fee_type '" + type + "' in " + c);
        }
        BigDecimal multiplier;
        try {
            multiplier = new BigDecimal(c.get("fee_multiplier").asText());
        } catch (NumberFormatException e) {
            throw new BadInputException(source, 0, "fee_multiplier is not a number in " + c);
        }
        return new FeeChange(c.get("id").asText(), c.get("series_ticker").asText(), type, multiplier,
                isoMicros(c, "scheduled_ts", source));
    }

    /**
     * The seconds still to fetch for one market: from its checkpoint (else its open time, else 30 days before its
     * close), up to one {@code step} past its close, or now when it has not closed; rounded to whole steps.
     */
    private Window window(long checkpoint, Market m, long stepSec) {
        long close = m.closeTime() == Long.MAX_VALUE ? nowMicros.getAsLong() : m.closeTime();
        long open = m.openTime() != Long.MIN_VALUE ? m.openTime() : close - 30L * 86_400_000_000L;
        long since = checkpoint != Long.MIN_VALUE ? checkpoint : open;
        long sinceSec = Math.floorDiv(Math.floorDiv(since, 1_000_000L), stepSec) * stepSec;
        long closeEnd = (Math.floorDiv(Math.floorDiv(close, 1_000_000L), stepSec) + 1) * stepSec;
        long nowSec = Math.floorDiv(Math.floorDiv(nowMicros.getAsLong(), 1_000_000L), stepSec) * stepSec;
        return new Window(sinceSec, Math.min(closeEnd, nowSec));
    }

    private record Window(long sinceSec, long untilSec) {
        boolean empty() {
            return sinceSec >= untilSec;
        }
    }

    private List<Market> stored(Selection selection) {
        return new StoredData(db).select(selection).instruments().markets();
    }

    private Map<String, Integer> storedIds(Selection selection) {
        StoredData.Selected selected = new StoredData(db).select(selection);
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (int i = 0; i < selected.storedIds().size(); i++) {
            ids.put(selected.instruments().market(i).ticker(), selected.storedIds().get(i));
        }
        return ids;
    }

    private Path write(String name, JsonNode page) {
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
