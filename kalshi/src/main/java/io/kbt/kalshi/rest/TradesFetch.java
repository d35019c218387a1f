package io.kbt.kalshi.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kbt.db.history.FetchCheckpoints;
import io.kbt.db.imports.EventImporter;
import io.kbt.db.imports.ImportProgress;
import io.kbt.db.imports.ImportReport;
import io.kbt.db.imports.Imports;
import io.kbt.engine.market.Market;
import io.kbt.engine.market.Selection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code kbt fetch trades}: per stored market, the trades of the seconds not fetched yet. The live tier first (when
 * the window reaches past the cutoff), then the cutoff is read again and the historical tier asked for whatever
 * lies before it, so a trade the moving cutoff pushed from one tier to the other meanwhile is found; one seen in
 * both is kept once by {@code trade_id}. Stored through {@code kbt import trades} as one REST page per market and
 * window, in a canonical order (newest first, then trade id), so the same window fetched again is the same file
 * and the importer's file identity keeps it from being stored twice; then the checkpoint.
 */
final class TradesFetch {
    static final String KIND = "trades";
    private static final int STORE_DEPTH = 4;

    private final FetchContext context;

    TradesFetch(FetchContext context) {
        this.context = context;
    }

    KindSummary run(Selection selection) {
        KalshiRest rest = context.rest();
        Map<Market, Integer> markets = context.stored(selection);
        EventImporter importer = new EventImporter(context.db(), ImportProgress.NONE);
        FetchCheckpoints checkpoints = new FetchCheckpoints(context.db().dsl());
        int complete = 0;
        long fetched = 0;
        long added;
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        context.progress().start(KIND, markets.size());
        try (StoreQueue store = new StoreQueue(STORE_DEPTH)) {
            for (Market m : markets.keySet()) {
                FetchContext.Window w = context.window(checkpoints.fetchedUntil(KIND, m.ticker()), m, 1);
                if (w.empty()) {
                    complete++;
                    context.progress().step(m.ticker());
                    continue;
                }
                Map<String, Kept> trades = new LinkedHashMap<>();
                if (w.untilSec() * 1_000_000L > rest.cutoff().tradesCreated()) {
                    rest.trades(false, m.ticker(), w.sinceSec(), w.untilSec(), t -> keep(trades, t, w));
                }
                if (w.sinceSec() * 1_000_000L < rest.cutoff().tradesCreated()) {
                    rest.trades(true, m.ticker(), w.sinceSec(), w.untilSec(), t -> keep(trades, t, w));
                }
                fetched += trades.size();
                store.submit(() -> {
                    long n = 0;
                    if (!trades.isEmpty()) {
                        Path file = context.write(KIND + "-" + m.ticker() + "-" + w.sinceSec() + "-" + w.untilSec()
                                + ".json", page(trades.values()));
                        ImportReport report = importer.importFile(Imports.trades(file));
                        n = report.trades();
                        warnings.addAll(report.warnings());
                    }
                    checkpoints.fetched(KIND, m.ticker(), w.untilSec() * 1_000_000L);
                    return n;
                });
                context.progress().step(m.ticker());
            }
            added = store.drain();
        } finally {
            context.progress().done();
        }
        return new KindSummary(KIND, markets.size(), complete, fetched, added, warnings);
    }

    /** A trade as Kalshi sent it, with its time. */
    private record Kept(JsonNode trade, long created, String id) {}

    private static void keep(Map<String, Kept> trades, JsonNode t, FetchContext.Window w) {
        long created = FetchContext.isoMicros(t, "created_time", "/markets/trades");
        if (created >= w.sinceSec() * 1_000_000L && created < w.untilSec() * 1_000_000L) {
            String id = t.hasNonNull("trade_id") ? t.get("trade_id").asText() : t.toString();
            trades.putIfAbsent(id, new Kept(t, created, id));
        }
    }

    /** Kalshi's order (newest first), ties by trade id, whatever pages and tiers the trades came from. */
    private static ObjectNode page(Iterable<Kept> trades) {
        List<Kept> sorted = new ArrayList<>();
        trades.forEach(sorted::add);
        sorted.sort(Comparator.comparingLong(Kept::created).thenComparing(Kept::id).reversed());
        ObjectNode page = FetchContext.JSON.createObjectNode();
        ArrayNode array = page.putArray("trades");
        sorted.forEach(k -> array.add(k.trade()));
        page.put("cursor", "");
        return page;
    }
}
