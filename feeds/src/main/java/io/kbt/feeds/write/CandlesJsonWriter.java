package io.kbt.feeds.write;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kbt.engine.market.TickSize;
import io.kbt.feeds.Candle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes candles in the live tier's shape of {@code GET /series/{s}/markets/{t}/candlesticks}
 * ({@code {ticker, candlesticks:[{end_period_ts, yes_bid:{open_dollars,...}, ...}]}}), which
 * {@link io.kbt.feeds.CandlesJsonReader} reads back.
 */
public final class CandlesJsonWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CandlesJsonWriter() {}

    public static ObjectNode page(String ticker, TickSize tick, List<Candle> candles) {
        ObjectNode page = JSON.createObjectNode();
        page.put("ticker", ticker);
        ArrayNode array = page.putArray("candlesticks");
        for (Candle c : candles) {
            ObjectNode o = array.addObject();
            o.put("end_period_ts", c.endTs() / 1_000_000L);
            ohlc(o.putObject("yes_bid"), tick, c.yesBidOpen(), c.yesBidHigh(), c.yesBidLow(), c.yesBidClose(), "0");
            ohlc(o.putObject("yes_ask"), tick, c.yesAskOpen(), c.yesAskHigh(), c.yesAskLow(), c.yesAskClose(), "1");
            ohlc(o.putObject("price"), tick, c.priceOpen(), c.priceHigh(), c.priceLow(), c.priceClose(), null);
            o.put("volume_fp", BigDecimal.valueOf(c.volume(), 2).toPlainString());
            o.put("open_interest_fp", BigDecimal.valueOf(c.openInterest(), 2).toPlainString());
        }
        return page;
    }

    public static void write(Path file, String ticker, TickSize tick, List<Candle> candles) {
        try {
            JSON.writeValue(file.toFile(), page(ticker, tick, candles));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    private static void ohlc(ObjectNode o, TickSize tick, int open, int high, int low, int close, String none) {
        put(o, "open_dollars", tick, open, none);
        put(o, "high_dollars", tick, high, none);
        put(o, "low_dollars", tick, low, none);
        put(o, "close_dollars", tick, close, none);
    }

    private static void put(ObjectNode o, String field, TickSize tick, int ticks, String none) {
        if (ticks == Candle.NONE) {
            if (none == null) {
                o.putNull(field);
            } else {
                o.put(field, new BigDecimal(none).setScale(4).toPlainString());
            }
        } else {
            o.put(field, BigDecimal.valueOf(tick.micros(ticks), 6).setScale(4, java.math.RoundingMode.UNNECESSARY)
                    .toPlainString());
        }
    }
}
