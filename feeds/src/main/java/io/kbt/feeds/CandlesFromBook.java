package io.kbt.feeds;

import io.kbt.engine.book.KalshiBook;
import io.kbt.engine.event.BookDelta;
import io.kbt.engine.event.BookSnapshot;
import io.kbt.engine.event.MarketEvent;
import io.kbt.engine.event.Trade;
import io.kbt.engine.market.TickSize;
import java.util.ArrayList;
import java.util.List;

/**
 * One-minute candles of one market computed from its recorded book and trades, as Kalshi computes them: a candle
 * ends at a whole minute and covers the minute before it (its end included); bid and ask OHLC are the best yes bid
 * and ask over the minute (open: as the minute began), price OHLC and volume those of its trades. It is what a
 * user without the recording would fetch, so that a backtest on {@link CandleBook} can be compared with the
 * recorded one. Minutes before the first snapshot have no candle.
 */
public final class CandlesFromBook {
    private static final long MINUTE = 60_000_000L;

    private final KalshiBook book;
    private final List<Candle> candles = new ArrayList<>();
    private long end = Long.MIN_VALUE;
    private int bidOpen;
    private int bidHigh;
    private int bidLow;
    private int askOpen;
    private int askHigh;
    private int askLow;
    private int priceOpen;
    private int priceHigh;
    private int priceLow;
    private int priceClose;
    private long volume;

    public CandlesFromBook(TickSize tick) {
        this.book = new KalshiBook(tick.maxTicks());
    }

    /** The next event of the market, in (ts, seq) order. */
    public void accept(MarketEvent event) {
        if (!(event instanceof BookSnapshot || event instanceof BookDelta || event instanceof Trade)) {
            return;
        }
        long ts = event.ts();
        if (end != Long.MIN_VALUE) {
            while (ts > end) {
                close();
            }
        }
        switch (event) {
            case BookSnapshot s -> book.applySnapshot(s);
            case BookDelta d -> book.applyDelta(d.side(), d.price(), d.delta());
            case Trade t -> {
                if (end != Long.MIN_VALUE) {
                    priceOpen = priceOpen == Candle.NONE ? t.yesPrice() : priceOpen;
                    priceHigh = Math.max(priceHigh, t.yesPrice());
                    priceLow = priceLow == Candle.NONE ? t.yesPrice() : Math.min(priceLow, t.yesPrice());
                    priceClose = t.yesPrice();
                    volume += t.count();
                }
            }
            default -> { }
        }
        if (end == Long.MIN_VALUE && event instanceof BookSnapshot) {
            end = Math.floorDiv(ts + MINUTE - 1, MINUTE) * MINUTE;
            open();
        }
        if (end != Long.MIN_VALUE) {
            track();
        }
    }

    /** Closes the candles up to {@code until} (e.g. the market's close) and returns them all. */
    public List<Candle> finish(long until) {
        if (end != Long.MIN_VALUE) {
            while (end <= until) {
                close();
            }
        }
        return List.copyOf(candles);
    }

    private void open() {
        bidOpen = bid();
        askOpen = ask();
        bidHigh = bidOpen;
        bidLow = bidOpen;
        askHigh = askOpen;
        askLow = askOpen;
        priceOpen = Candle.NONE;
        priceHigh = Candle.NONE;
        priceLow = Candle.NONE;
        priceClose = Candle.NONE;
        volume = 0;
    }

    private void track() {
        bidHigh = max(bidHigh, bid());
        bidLow = min(bidLow, bid());
        askHigh = max(askHigh, ask());
        askLow = min(askLow, ask());
    }

    private void close() {
        candles.add(new Candle(end, 1, bidOpen, bidHigh, bidLow, bid(), askOpen, askHigh, askLow, ask(),
                priceOpen, priceHigh, priceLow, priceClose, volume, 0));
        end += MINUTE;
        open();
    }

    private int bid() {
        int b = book.bestYesBid();
        return b == 0 ? Candle.NONE : b;
    }

    private int ask() {
        int a = book.bestYesAsk();
        return a == 0 ? Candle.NONE : a;
    }

    private static int max(int a, int b) {
        return a == Candle.NONE ? b : b == Candle.NONE ? a : Math.max(a, b);
    }

    private static int min(int a, int b) {
        return a == Candle.NONE ? b : b == Candle.NONE ? a : Math.min(a, b);
    }
}
