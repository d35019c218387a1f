package io.kbt.kalshi.rest;

import io.kbt.db.Database;
import io.kbt.engine.market.Selection;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * {@code kbt fetch}: brings what Kalshi keeps over REST into the store, through the same importers as
 * {@code kbt import} (markets upserted by ticker, trades as REST pages), candles and fee changes into their
 * tables. Both tiers are asked wherever the historical cutoff could split the data, re-reading the cutoff after
 * the live tier (it moves). Per market and kind a checkpoint, written after the data, records up to when
 * everything is stored: an interrupted fetch resumes there, and a market complete up to its close is not asked
 * again. Every page stored is first written under {@code workDir} (the user's {@code --out}, or a scratch
 * directory) as a file {@code kbt import} reads. Storing runs on its own thread while the next requests go out.
 */
public final class HistoryFetch {
    private final FetchContext context;

    public HistoryFetch(Database db, KalshiRest rest, Path workDir, LongSupplier nowMicros, FetchProgress progress) {
        this.context = new FetchContext(db, rest, workDir, nowMicros, progress);
    }

    /** The markets of the selection's series closing in its dates, and its named markets; see {@link MarketsFetch}. */
    public KindSummary markets(Selection range) {
        return new MarketsFetch(context).run(range);
    }

    /** Every trade of the selected stored markets (fetch markets first); see {@link TradesFetch}. */
    public KindSummary trades(Selection selection) {
        return new TradesFetch(context).run(selection);
    }

    /** Candles of {@code periodMinutes} (1, 60 or 1440) of the selected stored markets; see {@link CandlesFetch}. */
    public KindSummary candles(Selection selection, int periodMinutes) {
        return new CandlesFetch(context).run(selection, periodMinutes);
    }

    /** The fee changes of each series; see {@link FeesFetch}. */
    public KindSummary fees(List<String> series) {
        return new FeesFetch(context).run(series);
    }
}
