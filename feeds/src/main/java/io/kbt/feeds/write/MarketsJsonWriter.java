package io.kbt.feeds.write;

import io.kbt.engine.market.Market;
import io.kbt.engine.market.Result;
import io.kbt.engine.market.StrikeType;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

/**
 * Writes market metadata as Kalshi's REST {@code {"markets":[...]}} document that {@code kbt import markets} reads:
 * ticker, event and series tickers, strike type and strikes (absent ones left out), underlying, open and close
 * times, result and status. Fields come in a fixed order and strikes are written to the cent, so equal markets give
 * equal bytes.
 */
public final class MarketsJsonWriter {
    private MarketsJsonWriter() {}

    /** Writes {@code markets} to {@code out} (flushed, not closed). */
    public static void write(List<Market> markets, OutputStream out) {
        AsciiOut json = new AsciiOut(out);
        json.ascii("{").newline().ascii("  \"markets\": [");
        for (int i = 0; i < markets.size(); i++) {
            json.ascii(i == 0 ? "" : ",").newline();
            market(json, markets.get(i));
        }
        json.newline().ascii("  ]").newline().ascii("}").newline();
        json.flush();
    }

    private static void market(AsciiOut json, Market m) {
        json.ascii("    {").newline();
        field(json, "ticker").quoted(m.ticker());
        next(json, "event_ticker").quoted(m.eventTicker());
        next(json, "series_ticker").quoted(m.seriesTicker());
        if (m.strikeType() != StrikeType.UNKNOWN) {
            next(json, "strike_type").quoted(m.strikeType().name().toLowerCase(Locale.ROOT));
        }
        if (!Double.isNaN(m.floorStrike())) {
            strike(next(json, "floor_strike"), m.ticker(), m.floorStrike());
        }
        if (!Double.isNaN(m.capStrike())) {
            strike(next(json, "cap_strike"), m.ticker(), m.capStrike());
        }
        next(json, "underlying").quoted(m.underlying());
        if (m.openTime() != Long.MIN_VALUE) {
            next(json, "open_time").ch('"').instant(m.openTime()).ch('"');
        }
        next(json, "close_time").ch('"').instant(m.closeTime()).ch('"');
        next(json, "result").quoted(m.result() == Result.UNKNOWN ? "" : m.result().name().toLowerCase(Locale.ROOT));
        next(json, "status").quoted(m.result() == Result.UNKNOWN ? "active" : "settled");
        json.newline().ascii("    }");
    }

    private static AsciiOut field(AsciiOut json, String name) {
        return json.ascii("      \"").ascii(name).ascii("\": ");
    }

    private static AsciiOut next(AsciiOut json, String name) {
        json.ch(',').newline();
        return field(json, name);
    }

    /** A strike to the cent, without trailing zeros: 4050, 4050.5, 4099.99. */
    private static void strike(AsciiOut json, String ticker, double strike) {
        if (!Double.isFinite(strike)) {
            throw new IllegalArgumentException(ticker + ": strike must be finite: " + strike);
        }
        long cents = Math.round(strike * 100);
        if (cents % 100 == 0) {
            json.integer(cents / 100);
        } else if (cents % 10 == 0) {
            json.fixed(cents / 10, 1);
        } else {
            json.fixed(cents, 2);
        }
    }
}
