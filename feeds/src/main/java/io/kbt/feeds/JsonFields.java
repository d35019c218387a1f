package io.kbt.feeds;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.kbt.engine.event.BookSide;
import io.kbt.engine.market.TickSize;
import java.time.DateTimeException;
import java.util.Locale;

/**
 * Typed access to the fields of Kalshi JSON objects, in both field generations, turning every malformed value
 * into a {@link BadInputException} that names the file, the line and the field. Decimal values are parsed
 * exactly from their text.
 */
final class JsonFields {
    private static final long DOLLAR_MICROS = 1_000_000;
    /** No real order or level comes near a billion contracts; beyond it, sums of counts could overflow. */
    static final long MAX_COUNT = 100_000_000_000L;

    private final String source;
    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();
    private long line;

    JsonFields(String source) {
        this.source = source;
    }

    String source() {
        return source;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    void line(long line) {
        this.line = line;
    }

    long line() {
        return line;
    }

    BadInputException bad(String problem) {
        return new BadInputException(source, line, problem);
    }

    static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT, POJO -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case BINARY -> "binary";
            case MISSING -> "nothing";
        };
    }

    String text(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isTextual()) {
            throw bad("field \"" + field + "\" must be a string, was " + (node == null ? "missing" : kind(node)));
        }
        return node.textValue();
    }

    /** A string field, or {@code null} when absent or JSON null. */
    String optionalText(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw bad("field \"" + field + "\" must be a string, was " + kind(node));
        }
        return node.textValue();
    }

    /** An integer field, or {@code null} when absent. */
    Long optionalLong(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw bad("field \"" + field + "\" must be an integer, was " + kind(node));
        }
        return node.longValue();
    }

    /** Whether {@code parent} has a non-null field named {@code field}. */
    static boolean has(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        return node != null && !node.isNull();
    }

    BookSide side(JsonNode parent, String field) {
        return side(JsonValue.of(parent.get(field)), field);
    }

    BookSide side(JsonValue value, String field) {
        if (!value.isString()) {
            throw bad("field \"" + field + "\" must be \"yes\" or \"no\", was " + value.kind());
        }
        return switch (value.text().toLowerCase(Locale.ROOT)) {
            case "yes" -> BookSide.YES;
            case "no" -> BookSide.NO;
            default -> throw bad("field \"" + field + "\" must be \"yes\" or \"no\", was \"" + value.text() + "\"");
        };
    }

    /**
     * A price in ticks of {@code tick}: a dollar string ({@code dollars} true, e.g. "0.1600") or integer cents.
     * Off the grid or outside (0, $1) is bad input.
     */
    int price(JsonValue value, String field, boolean dollars, TickSize tick, String ticker) {
        long micros;
        String dollarText = null;
        if (dollars) {
            String text = decimalText(value, field);
            long parsed;
            try {
                parsed = Decimals.scaled(text, 6);
            } catch (NumberFormatException | ArithmeticException e) {
                throw bad("field \"" + field + "\" is not a dollar amount: \"" + text + "\"");
            }
            if (parsed == Long.MIN_VALUE) {
                throw bad("price $" + text + " in \"" + field + "\" is off the " + describe(tick) + " tick grid of "
                        + ticker);
            }
            micros = parsed;
            dollarText = text;
        } else {
            long cents = integer(value, field, "an integer number of cents");
            if (cents <= 0 || cents >= 100) {
                throw bad("price " + cents + "¢ in \"" + field + "\" is outside 1..99¢ (market " + ticker + ")");
            }
            micros = cents * 10_000;
        }
        if (micros <= 0 || micros >= DOLLAR_MICROS) {
            throw bad("price " + shown(dollarText, micros) + " in \"" + field + "\" is outside (0, $1) (market " + ticker
                    + ")");
        }
        if (micros % tick.micros() != 0) {
            throw bad("price " + shown(dollarText, micros) + " in \"" + field + "\" is off the " + describe(tick)
                    + " tick grid of " + ticker);
        }
        return (int) (micros / tick.micros());
    }

    /** A price as the file wrote it, for errors only (built there, not for every price read). */
    private static String shown(String dollarText, long micros) {
        return dollarText != null ? "$" + dollarText : micros / 10_000 + "¢";
    }

    private long integer(JsonValue value, String field, String what) {
        if (!value.isInteger()) {
            throw bad("field \"" + field + "\" must be " + what + ", was " + value.kind());
        }
        try {
            return Long.parseLong(value.text());
        } catch (NumberFormatException e) {
            throw bad("field \"" + field + "\" is too large: " + value.text());
        }
    }

    long count(JsonNode node, String field, boolean fixedPoint) {
        return count(JsonValue.of(node), field, fixedPoint);
    }

    /**
     * A count in hundredths of a contract: a fixed-point string with at most two decimals ({@code fixedPoint}
     * true, e.g. "-1.84") or an integer number of contracts.
     */
    long count(JsonValue value, String field, boolean fixedPoint) {
        if (fixedPoint) {
            String text = decimalText(value, field);
            if (Decimals.decimals(text) > 2) {
                throw bad("count \"" + text + "\" in \"" + field + "\" has more than two decimals");
            }
            long hundredths;
            try {
                hundredths = Decimals.scaled(text, 2);
            } catch (NumberFormatException e) {
                throw bad("field \"" + field + "\" is not a count: \"" + text + "\"");
            } catch (ArithmeticException e) {
                throw tooLarge(field, text);
            }
            if (Math.abs(hundredths) > MAX_COUNT) {
                throw tooLarge(field, text);
            }
            return hundredths;
        }
        long contracts = integer(value, field, "an integer count");
        if (Math.abs(contracts) > MAX_COUNT / 100) {
            throw tooLarge(field, value.text());
        }
        return contracts * 100;
    }

    private BadInputException tooLarge(String field, String text) {
        return bad("count " + text + " in \"" + field + "\" is beyond any real order (more than "
                + String.format("%,d", MAX_COUNT / 100) + " contracts)");
    }

    /** A market ticker from {@code value}, checked by {@link Tickers}. */
    String ticker(JsonValue value, String field) {
        if (!value.isString()) {
            throw bad("field \"" + field + "\" must be a string, was " + value.kind());
        }
        String problem = Tickers.problem(value.text());
        if (problem != null) {
            throw bad("field \"" + field + "\": " + problem);
        }
        return value.text();
    }

    String ticker(JsonNode parent, String field) {
        return ticker(JsonValue.of(parent.get(field)), field);
    }

    /** The text of a decimal given as a JSON string (or, leniently, a JSON number). */
    private String decimalText(JsonValue value, String field) {
        if (!value.present()) {
            throw bad("field \"" + field + "\" is missing");
        }
        if (value.isString()) {
            return value.text().trim();
        }
        if (value.isNumber()) {
            return value.text();
        }
        throw bad("field \"" + field + "\" must be a decimal string, was " + value.kind());
    }

    static String describe(TickSize tick) {
        return tick.micros() % 10_000 == 0 ? (tick.micros() / 10_000) + "¢" : (tick.micros() / 1_000.0) + "¢";
    }

    /** An RFC 3339 timestamp string as epoch microseconds. */
    long isoTime(JsonNode parent, String field) {
        String text = text(parent, field);
        try {
            return Timestamps.inRange(Timestamps.isoMicros(text), Timestamps.KALSHI_FIRST_YEAR);
        } catch (DateTimeException e) {
            throw bad("field \"" + field + "\": " + e.getMessage());
        }
    }

    /**
     * The most precise timestamp of a websocket message, or {@link Long#MIN_VALUE} when it has none: {@code ts}
     * as RFC 3339 (microseconds), else {@code ts_ms}, else {@code ts} as integer epoch seconds.
     */
    long messageTime(JsonValue ts, JsonValue tsMs) {
        long micros = rawMessageTime(ts, tsMs);
        if (micros == Long.MIN_VALUE) {
            return micros;
        }
        try {
            return Timestamps.inRange(micros, Timestamps.KALSHI_FIRST_YEAR);
        } catch (DateTimeException e) {
            throw bad("field \"" + (ts.present() ? "ts" : "ts_ms") + "\": " + e.getMessage());
        }
    }

    private long rawMessageTime(JsonValue ts, JsonValue tsMs) {
        if (ts.isString()) {
            try {
                return Timestamps.isoMicros(ts.text());
            } catch (DateTimeException e) {
                throw bad("field \"ts\": " + e.getMessage());
            }
        }
        if (ts.present() && !ts.isInteger()) {
            throw bad("field \"ts\" must be a string or an integer, was " + ts.kind());
        }
        if (tsMs.present()) {
            long ms = integer(tsMs, "ts_ms", "an integer");
            if (Math.abs(ms) > Long.MAX_VALUE / 1_000) {
                throw bad("field \"ts_ms\" is out of range: " + ms);
            }
            return ms * 1_000L;
        }
        if (!ts.present()) {
            return Long.MIN_VALUE;
        }
        return Timestamps.epochMicros(integer(ts, "ts", "a string or an integer"));
    }
}
