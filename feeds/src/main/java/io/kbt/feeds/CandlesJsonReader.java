package io.kbt.feeds;

import com.fasterxml.jackson.databind.JsonNode;
import io.kbt.engine.market.TickSize;
import java.util.ArrayList;
import java.util.List;

/**
 * Kalshi candlestick objects ({@code GET .../candlesticks}) as {@link Candle}s, in both shapes: the live tier's
 * {@code yes_bid.close_dollars}, {@code volume_fp} and the historical tier's {@code yes_bid.close},
 * {@code volume} (dollar strings; integer cents are read as cents). A bid of $0 or an ask of $1 means none.
 */
public final class CandlesJsonReader {
    private final JsonFields fields;
    private final String ticker;
    private final TickSize tick;
    private final int periodMinutes;

    public CandlesJsonReader(String sourceName, String ticker, TickSize tick, int periodMinutes) {
        this.fields = new JsonFields(sourceName);
        this.ticker = ticker;
        this.tick = tick;
        this.periodMinutes = periodMinutes;
    }

    public List<Candle> read(Iterable<JsonNode> candlesticks) {
        List<Candle> candles = new ArrayList<>();
        long line = 0;
        for (JsonNode c : candlesticks) {
            fields.line(++line);
            candles.add(candle(c));
        }
        return candles;
    }

    private Candle candle(JsonNode c) {
        Long end = fields.optionalLong(c, "end_period_ts");
        if (end == null) {
            throw fields.bad("candlestick without \"end_period_ts\" (market " + ticker + ")");
        }
        JsonNode bid = c.path("yes_bid");
        JsonNode ask = c.path("yes_ask");
        JsonNode price = c.path("price");
        return new Candle(end * 1_000_000L, periodMinutes,
                price(bid, "open"), price(bid, "high"), price(bid, "low"), price(bid, "close"),
                price(ask, "open"), price(ask, "high"), price(ask, "low"), price(ask, "close"),
                price(price, "open"), price(price, "high"), price(price, "low"), price(price, "close"),
                count(c, "volume"), count(c, "open_interest"));
    }

    private int price(JsonNode ohlc, String name) {
        JsonNode dollars = ohlc.get(name + "_dollars");
        String field = name + "_dollars";
        if (dollars == null) {
            dollars = ohlc.get(name);
            field = name;
        }
        if (dollars == null || dollars.isNull()) {
            return Candle.NONE;
        }
        boolean cents = dollars.isIntegralNumber();
        long micros;
        if (cents) {
            micros = dollars.longValue() * 10_000;
        } else {
            try {
                micros = Decimals.scaled(dollars.asText(), 6);
            } catch (NumberFormatException | ArithmeticException e) {
                throw fields.bad("field \"" + field + "\" is not a dollar amount: " + dollars);
            }
        }
        if (micros <= 0 || micros >= 1_000_000) {
            return Candle.NONE;
        }
        return fields.price(JsonValue.of(dollars), field, !cents, tick, ticker);
    }

    private long count(JsonNode c, String name) {
        JsonNode fp = c.get(name + "_fp");
        if (fp != null && !fp.isNull()) {
            return fields.count(fp, name + "_fp", true);
        }
        JsonNode plain = c.get(name);
        if (plain == null || plain.isNull()) {
            return 0;
        }
        return fields.count(plain, name, plain.isTextual());
    }
}
