package io.kbt.kalshi.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.kbt.db.history.CandleStore;
import io.kbt.db.history.FetchCheckpoints;
import io.kbt.engine.market.Market;
import io.kbt.engine.market.Selection;
import io.kbt.feeds.Candle;
import io.kbt.feeds.CandlesJsonReader;
import io.kbt.feeds.write.CandlesJsonWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code kbt fetch candles}: per stored market, its candles of one period not fetched yet, {@value #PER_REQUEST}
 * periods per request (Kalshi answers 400 to too many). The historical tier for a market that closed before the
 * cutoff, else the live one; the other when the first does not know the market (404). Each page is stored with its
 * checkpoint in one transaction; a candle already stored stays as it is.
 */
final class CandlesFetch {
    static final int PER_REQUEST = 1000;
    private static final int STORE_DEPTH = 4;

    private final FetchContext context;

    CandlesFetch(FetchContext context) {
        this.context = context;
    }

    KindSummary run(Selection selection, int periodMinutes) {
        KalshiRest rest = context.rest();
        Map<Market, Integer> markets = context.stored(selection);
        String kind = "candles:" + periodMinutes;
        long periodSec = periodMinutes * 60L;
        int complete = 0;
        long fetched = 0;
        long added;
        List<String> warnings = new ArrayList<>();
        context.progress().start("candles", markets.size());
        try (StoreQueue store = new StoreQueue(STORE_DEPTH)) {
            for (var entry : markets.entrySet()) {
                Market m = entry.getKey();
                int marketId = entry.getValue();
                long checkpoint = new FetchCheckpoints(context.db().dsl()).fetchedUntil(kind, m.ticker());
                FetchContext.Window w = context.window(checkpoint, m, periodSec);
                if (w.empty()) {
                    complete++;
                    context.progress().step(m.ticker());
                    continue;
                }
                boolean historical = m.closeTime() < rest.cutoff().marketSettled();
                CandlesJsonReader reader = new CandlesJsonReader("candlesticks of " + m.ticker(), m.ticker(),
                        m.tickSize(), periodMinutes);
                for (long start = w.sinceSec(); start < w.untilSec(); start += periodSec * PER_REQUEST) {
                    long end = Math.min(start + periodSec * PER_REQUEST, w.untilSec()) - 1;
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
                    long until = (end + 1) * 1_000_000L;
                    String file = "candles-" + m.ticker() + "-" + periodMinutes + "-" + start + ".json";
                    store.submit(() -> {
                        if (!candles.isEmpty()) {
                            context.write(file, CandlesJsonWriter.page(m.ticker(), m.tickSize(), candles));
                        }
                        return (long) context.db().dsl().transactionResult(tx -> {
                            int n = new CandleStore(tx.dsl()).insert(marketId, candles);
                            new FetchCheckpoints(tx.dsl()).fetched(kind, m.ticker(), until);
                            return n;
                        });
                    });
                }
                context.progress().step(m.ticker());
            }
            added = store.drain();
        } finally {
            context.progress().done();
        }
        return new KindSummary("candles", markets.size(), complete, fetched, added, warnings);
    }
}
