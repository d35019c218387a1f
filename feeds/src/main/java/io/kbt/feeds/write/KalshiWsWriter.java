package io.kbt.feeds.write;

import io.kbt.engine.event.BookSide;
import io.kbt.engine.event.Level;
import io.kbt.engine.market.TickSize;
import java.io.Closeable;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private static final byte[] SNAPSHOT = literal("orderbook_snapshot");
    private static final byte[] DELTA = literal("orderbook_delta");
    private static final byte[] TRADE = literal("trade");
    private static final byte[] TYPE = literal("{\"type\":\"");
    private static final byte[] SID = literal("\",\"sid\":");
    private static final byte[] SEQ = literal(",\"seq\":");
    private static final byte[] MSG_TICKER = literal(",\"msg\":{\"market_ticker\":");
    private static final byte[] MSG_TRADE_ID = literal(",\"msg\":{\"trade_id\":\"");
    private static final byte[] MARKET_TICKER = literal("\",\"market_ticker\":");
    private static final byte[] YES_LEVELS = literal(",\"yes\":");
    private static final byte[] NO_LEVELS = literal(",\"no\":");
    private static final byte[] PRICE = literal(",\"price\":");
    private static final byte[] DELTA_FIELD = literal(",\"delta\":");
    private static final byte[] SIDE_YES = literal(",\"side\":\"yes\"");
    private static final byte[] SIDE_NO = literal(",\"side\":\"no\"");
    private static final byte[] YES_PRICE = literal(",\"yes_price\":");
    private static final byte[] NO_PRICE = literal(",\"no_price\":");
    private static final byte[] COUNT = literal(",\"count\":");
    private static final byte[] TAKER_YES = literal(",\"taker_side\":\"yes\"");
    private static final byte[] TAKER_NO = literal(",\"taker_side\":\"no\"");
    private static final byte[] TS = literal(",\"ts\":\"");
    private static final byte[] END_TS = literal("\"}}\n");
    private static final byte[] END = literal("}}\n");
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final AsciiOut out;
    private final int sid;
    private final Map<String, byte[]> quotedTickers = new HashMap<>();
    private long seq;

    /** A writer for subscription 1. */
    public KalshiWsWriter(OutputStream out) {
        this(out, 1);
    }

    public KalshiWsWriter(OutputStream out, int sid) {
        this.out = new AsciiOut(out);
        this.sid = sid;
    }

    /**
     * The whole book of one market at {@code tsMicros}: yes bids and no bids, each in ascending price order. Kalshi's
     * own snapshots carry no time (readers then borrow a neighbouring frame's); writing it keeps a morning snapshot
     * from being placed at the previous evening. Returns the frame's seq.
     */
    public long snapshot(String marketTicker, List<Level> yesBids, List<Level> noBids, long tsMicros) {
        header(SNAPSHOT).bytes(MSG_TICKER).bytes(quoted(marketTicker)).bytes(YES_LEVELS);
        levels(marketTicker, yesBids);
        out.bytes(NO_LEVELS);
        levels(marketTicker, noBids);
        out.bytes(TS).timestamp(tsMicros).bytes(END_TS);
        return seq;
    }

    /** {@code delta} hundredths of a contract added to the {@code side} bid at {@code price} cents. */
    public long delta(String marketTicker, BookSide side, int price, long delta, long tsMicros) {
        checkPrice(marketTicker, price);
        header(DELTA).bytes(MSG_TICKER).bytes(quoted(marketTicker))
                .bytes(PRICE).integer(price)
                .bytes(DELTA_FIELD).integer(contracts(marketTicker, delta))
                .bytes(side == BookSide.YES ? SIDE_YES : SIDE_NO)
                .bytes(TS).timestamp(tsMicros).bytes(END_TS);
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
        header(TRADE).bytes(MSG_TRADE_ID);
        uuid(tradeId);
        out.bytes(MARKET_TICKER).bytes(quoted(marketTicker))
                .bytes(YES_PRICE).integer(yesPrice)
                .bytes(NO_PRICE).integer(MAX_PRICE - yesPrice)
                .bytes(COUNT).integer(contracts(marketTicker, count))
                .bytes(takerSide == BookSide.YES ? TAKER_YES : TAKER_NO)
                .bytes(TS).timestamp(tsMicros).bytes(END_TS);
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

    private AsciiOut header(byte[] type) {
        seq++;
        return out.bytes(TYPE).bytes(type).bytes(SID).integer(sid).bytes(SEQ).integer(seq);
    }

    private static byte[] literal(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** The ticker as a JSON string, kept so each ticker is checked and converted once. */
    private byte[] quoted(String ticker) {
        byte[] bytes = quotedTickers.get(ticker);
        if (bytes == null) {
            if (ticker.indexOf('"') >= 0 || ticker.indexOf('\\') >= 0) {
                throw new IllegalArgumentException("ticker needs JSON escaping: " + ticker);
            }
            bytes = literal('"' + ticker + '"');
            quotedTickers.put(ticker, bytes);
        }
        return bytes;
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
            out.ch(HEX[(int) (bits >>> shift) & 0xf]);
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
