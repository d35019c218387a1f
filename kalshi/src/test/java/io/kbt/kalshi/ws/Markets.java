package io.kbt.kalshi.ws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Market objects and books as Kalshi's REST and websocket give them, for the fake exchange. */
final class Markets {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Markets() {}

    static ObjectNode market(String ticker) {
        ObjectNode market = MAPPER.createObjectNode();
        market.put("ticker", ticker);
        market.put("event_ticker", ticker.substring(0, ticker.lastIndexOf('-')));
        market.put("status", "active");
        market.put("open_time", "2026-07-01T00:00:00Z");
        market.put("close_time", "2026-07-03T00:00:00Z");
        return market;
    }

    /** A snapshot msg with one yes bid and one no bid (dollar strings, fixed-point counts). */
    static ObjectNode book(String ticker, String yes, String no) {
        ObjectNode msg = MAPPER.createObjectNode();
        msg.put("market_ticker", ticker);
        msg.putArray("yes_dollars_fp").addArray().add(yes).add("100.00");
        msg.putArray("no_dollars_fp").addArray().add(no).add("100.00");
        return msg;
    }

    static ObjectNode delta(String ticker, String price, String delta, String side, String ts) {
        ObjectNode msg = MAPPER.createObjectNode();
        msg.put("market_ticker", ticker);
        msg.put("price_dollars", price);
        msg.put("delta_fp", delta);
        msg.put("side", side);
        msg.put("ts", ts);
        return msg;
    }

    static ObjectNode trade(String ticker, String yesPrice, String count, String taker, long tsSeconds) {
        ObjectNode msg = MAPPER.createObjectNode();
        msg.put("trade_id", ticker + "-" + tsSeconds);
        msg.put("market_ticker", ticker);
        msg.put("yes_price_dollars", yesPrice);
        msg.put("count_fp", count);
        msg.put("taker_side", taker);
        msg.put("ts", tsSeconds);
        return msg;
    }
}
