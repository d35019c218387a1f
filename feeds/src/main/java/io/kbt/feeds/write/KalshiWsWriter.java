package io.kbt.feeds.write;

import io.kbt.engine.event.BookSide;
import io.kbt.engine.event.Level;
import io.kbt.engine.market.TickSize;
import java.io.Closeable;
import java.io.OutputStream;
import java.util.List;
import java.util.UUID;

/**
 * Writes Kalshi websocket frames, one JSON object per line, in the older integer-cents field generation:
 * {@code orderbook_snapshot}, {@code orderbook_delta} and {@code trade} frames of one subscription ({@code sid})
 * whose {@code seq} counts every frame from 1. Prices are yes/no cents, counts whole contracts (given here in
 * hundredths, as everywhere in kbt), {@code ts} RFC 3339 UTC with microseconds. Fields are written in a fixed
 * order with fixed number formatting, so equal calls give equal bytes.
 */
public final class KalshiWsWriter implements Closeable {
    private static final int MAX_PRICE = TickSize.CENT.maxTicks();

    private final AsciiOut out;
    private final int sid;
    private long seq;

    /** A writer for subscription 1. */
    public KalshiWsWriter(OutputStream out) {
        this(out, 1);
    }

    public KalshiWsWriter(OutputStream out, int sid) {
        this.out = new AsciiOut(out);
        this.sid = sid;
    }

    /** The whole book of one market: yes bids and no bids, each in ascending price order. Returns the frame's seq. */
    public long snapshot(String marketTicker, List<Level> yesBids, List<Level> noBids) {
        header("orderbook_snapshot").ascii("{\"market_ticker\":").quoted(marketTicker).ascii(",\"yes\":");
        levels(marketTicker, yesBids);
        out.ascii(",\"no\":");
        levels(marketTicker, noBids);
        out.ascii("}}").newline();
        return seq;
    }

    /** {@code delta} hundredths of a contract added to the {@code side} bid at {@code price} cents. */
    public long delta(String marketTicker, BookSide side, int price, long delta, long tsMicros) {
        checkPrice(marketTicker, price);
        header("orderbook_delta").ascii("{\"market_ticker\":").quoted(marketTicker)
                .ascii(",\"price\":").integer(price)
                .ascii(",\"delta\":").integer(contracts(marketTicker, delta))
                .ascii(",\"side\":").ascii(side == BookSide.YES ? "\"yes\"" : "\"no\"")
                .ascii(",\"ts\":\"").timestamp(tsMicros).ascii("\"}}").newline();
        return seq;
    }

    /**
     * A trade of {@code count} hundredths of a contract at {@code yesPrice} cents; {@code takerSide} YES means the
     * taker bought yes.
     */
    public long trade(UUID tradeId, String marketTicker, int yesPrice, long count, BookSide takerSide, long tsMicros) {
        checkPrice(marketTicker, yesPrice);
        if (count <= 0) {
            throw new IllegalArgumentException(marketTicker + ": trade count must be positive: " + count);
        }
        header("trade").ascii("{\"trade_id\":\"");
        uuid(tradeId);
        out.ascii("\",\"market_ticker\":").quoted(marketTicker)
                .ascii(",\"yes_price\":").integer(yesPrice)
                .ascii(",\"no_price\":").integer(MAX_PRICE - yesPrice)
                .ascii(",\"count\":").integer(contracts(marketTicker, count))
                .ascii(",\"taker_side\":").ascii(takerSide == BookSide.YES ? "\"yes\"" : "\"no\"")
                .ascii(",\"ts\":\"").timestamp(tsMicros).ascii("\"}}").newline();
        return seq;
    }

    /** Frames written so far (the last seq). */
    public long frames() {
        return seq;
    }

    public void flush() {
        out.flush();
    }

    @Override
    public void close() {
        out.close();
    }

    private AsciiOut header(String type) {
        seq++;
        return out.ascii("{\"type\":\"").ascii(type).ascii("\",\"sid\":").integer(sid)
                .ascii(",\"seq\":").integer(seq).ascii(",\"msg\":");
    }

    private void levels(String ticker, List<Level> levels) {
        out.ch('[');
        int previous = 0;
        for (int i = 0; i < levels.size(); i++) {
            Level level = levels.get(i);
            checkPrice(ticker, level.price());
            if (level.price() <= previous || level.quantity() <= 0) {
                throw new IllegalArgumentException(ticker + ": snapshot levels must ascend in price with positive "
                        + "quantities: " + levels);
            }
            previous = level.price();
            if (i > 0) {
                out.ch(',');
            }
            out.ch('[').integer(level.price()).ch(',').integer(contracts(ticker, level.quantity())).ch(']');
        }
        out.ch(']');
    }

    private void uuid(UUID id) {
        long hi = id.getMostSignificantBits();
        long lo = id.getLeastSignificantBits();
        hex(hi >>> 32, 8);
        out.ch('-');
        hex(hi >>> 16, 4);
        out.ch('-');
        hex(hi, 4);
        out.ch('-');
        hex(lo >>> 48, 4);
        out.ch('-');
        hex(lo, 12);
    }

    private void hex(long bits, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            out.ch(Character.forDigit((int) (bits >>> shift) & 0xf, 16));
        }
    }

    private static void checkPrice(String ticker, int price) {
        if (price <= 0 || price >= MAX_PRICE) {
            throw new IllegalArgumentException(ticker + ": price must be 1..99 cents: " + price);
        }
    }

    private static long contracts(String ticker, long hundredths) {
        if (hundredths % 100 != 0) {
            throw new IllegalArgumentException(ticker + ": the integer-cents feed carries whole contracts only, not "
                    + hundredths + " hundredths");
        }
        return hundredths / 100;
    }
}
