package io.kbt.kalshi.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kbt.db.imports.MarketsImporter;
import io.kbt.engine.market.Selection;
import io.kbt.feeds.BadInputException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code kbt fetch markets}: the markets of each series closing in the range from the live tier, then (when the
 * range reaches behind the cutoff, read after the live tier) from the historical tier, filtered by close time
 * there (its filters exclude each other); a market in both is taken from the live tier. Named markets come from
 * whichever tier has them. Stored through {@code kbt import markets} (upsert by ticker).
 */
final class MarketsFetch {
    private final FetchContext context;

    MarketsFetch(FetchContext context) {
        this.context = context;
    }

    KindSummary run(Selection range) {
        KalshiRest rest = context.rest();
        long fromSec = Math.floorDiv(range.fromMicros(), 1_000_000L);
        long toSec = Math.floorDiv(range.toMicrosExclusive(), 1_000_000L) - 1;
        int fetched = 0;
        int changed = 0;
        context.progress().start("markets", range.series().size() + range.tickers().size());
        try {
            for (String series : range.series()) {
                Map<String, JsonNode> byTicker = new TreeMap<>();
                rest.markets(series, fromSec, toSec, m -> byTicker.put(m.path("ticker").asText(), m));
                if (range.fromMicros() < rest.cutoff().marketSettled()) {
                    rest.historicalMarkets(series, m -> {
                        long close = FetchContext.isoMicros(m, "close_time", "/historical/markets");
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
                changed += store("markets-" + series + ".json", byTicker);
                context.progress().step(series);
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
                changed += store("markets-" + ticker + ".json", byTicker);
                context.progress().step(ticker);
            }
        } finally {
            context.progress().done();
        }
        return new KindSummary("markets", range.series().size() + range.tickers().size(), 0, fetched, changed,
                List.of());
    }

    /** Stores one page of markets; how many were created or updated. */
    private int store(String name, Map<String, JsonNode> byTicker) {
        ObjectNode page = FetchContext.JSON.createObjectNode();
        byTicker.values().forEach(page.putArray("markets")::add);
        MarketsImporter.Report report = new MarketsImporter(context.db()).importFile(context.write(name, page));
        return report.created() + report.updated();
    }
}
