package io.kbt.feeds;

import com.fasterxml.jackson.databind.JsonNode;
import io.kbt.engine.market.Result;
import io.kbt.engine.market.StrikeType;
import io.kbt.engine.market.TickSize;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Kalshi market objects as {@link MarketInfo}: a {@code {"markets":[...]}} page, an array of markets or of pages,
 * or one such document per line. {@code series_ticker} and {@code underlying} are taken when present, else derived
 * (series = the event ticker's prefix; INX* → SPX); the tick size comes from {@code price_level_structure}
 * ({@code linear_cent} 1¢, {@code deci_cent} and {@code tapered_deci_cent} 0.1¢), else the smallest step of
 * {@code price_ranges}, else {@code tick_size} (cents), else 1¢.
 */
public final class MarketsJsonReader {
    private final Path file;
    private final String sourceName;

    public MarketsJsonReader(Path file) {
        this(file, file.toString());
    }

    /** Reads {@code file} but names it {@code sourceName} in errors. */
    public MarketsJsonReader(Path file, String sourceName) {
        this.file = file;
        this.sourceName = sourceName;
    }

    /** One market of the file and the line its object starts on. */
    public record Entry(MarketInfo market, long line) {}

    /** All markets of the file, in file order. */
    public List<MarketInfo> read() {
        return entries().stream().map(Entry::market).toList();
    }

    /** All markets of the file with their lines, in file order. */
    public List<Entry> entries() {
        JsonFields fields = new JsonFields(sourceName);
        List<Entry> markets = new ArrayList<>();
        new JsonDocuments(file, sourceName, fields).forEach("markets", node -> node.has("ticker"),
                (node, line) -> markets.add(new Entry(market(node, fields), line)));
        return markets;
    }

    private static MarketInfo market(JsonNode node, JsonFields fields) {
        String ticker = fields.ticker(node, "ticker");
        MarketInfo derived = MarketInfo.fromTicker(ticker);
        String event = optionalTicker(node, "event_ticker", derived.eventTicker(), fields);
        String series = optionalTicker(node, "series_ticker", MarketInfo.seriesOf(event), fields);
        String underlying = optionalTicker(node, "underlying", MarketInfo.underlyingOf(series), fields);
        String openTime = fields.optionalText(node, "open_time");
        String closeTime = fields.optionalText(node, "close_time");
        long open = openTime == null ? MarketInfo.UNKNOWN_OPEN : fields.isoTime(node, "open_time");
        long close = closeTime == null ? MarketInfo.UNKNOWN_CLOSE : fields.isoTime(node, "close_time");
        if (openTime != null && closeTime != null && close < open) {
            throw fields.bad("market " + ticker + " closes (" + closeTime + ") before it opens (" + openTime + ")");
        }
        double floor = strike(node, "floor_strike", fields);
        double cap = strike(node, "cap_strike", fields);
        if (floor > cap) {
            throw fields.bad("market " + ticker + " has floor_strike " + floor + " above cap_strike " + cap);
        }
        return new MarketInfo(ticker, event, series, strikeType(fields.optionalText(node, "strike_type"), fields),
                floor, cap, underlying, open, close, result(fields.optionalText(node, "result"), fields),
                tickSize(node, fields));
    }

    /** A ticker-like field, or {@code fallback} when absent or blank. */
    private static String optionalTicker(JsonNode node, String field, String fallback, JsonFields fields) {
        String text = fields.optionalText(node, field);
        return text == null || text.isBlank() ? fallback : fields.ticker(node, field);
    }

    private static double strike(JsonNode node, String field, JsonFields fields) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Double.NaN;
        }
        double strike;
        if (value.isNumber()) {
            strike = value.doubleValue();
        } else if (value.isTextual()) {
            try {
                strike = Double.parseDouble(value.textValue());
            } catch (NumberFormatException e) {
                throw fields.bad("field \"" + field + "\" is not a number: \"" + value.textValue() + "\"");
            }
        } else {
            throw fields.bad("field \"" + field + "\" must be a number, was " + JsonFields.kind(value));
        }
        if (!Double.isFinite(strike)) {
            throw fields.bad("field \"" + field + "\" is not a finite number: " + value.asText());
        }
        return strike;
    }

    /** Kalshi's strike types; those kbt cannot settle from an index (custom, functional, ...) are unknown. */
    private static StrikeType strikeType(String text, JsonFields fields) {
        if (text == null) {
            return StrikeType.UNKNOWN;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "between" -> StrikeType.BETWEEN;
            case "greater" -> StrikeType.GREATER;
            case "greater_or_equal" -> StrikeType.GREATER_OR_EQUAL;
            case "less" -> StrikeType.LESS;
            case "less_or_equal" -> StrikeType.LESS_OR_EQUAL;
            case "", "unknown", "custom", "functional", "structured" -> StrikeType.UNKNOWN;
            default -> throw fields.bad("unknown strike_type \"" + text + "\"");
        };
    }

    /** A settled market's result; none yet ("") or a void market leaves it unknown. */
    private static Result result(String text, JsonFields fields) {
        if (text == null) {
            return Result.UNKNOWN;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "yes" -> Result.YES;
            case "no" -> Result.NO;
            case "", "void" -> Result.UNKNOWN;
            default -> throw fields.bad("unknown result \"" + text + "\" (yes, no, void or empty)");
        };
    }

    private static TickSize tickSize(JsonNode node, JsonFields fields) {
        String structure = fields.optionalText(node, "price_level_structure");
        if (structure != null) {
            switch (structure) {
                case "linear_cent" -> {
                    return TickSize.CENT;
                }
                case "deci_cent", "tapered_deci_cent" -> {
                    return TickSize.TENTH_CENT;
                }
                default -> { }
            }
        }
        JsonNode ranges = node.get("price_ranges");
        if (ranges != null && ranges.isArray() && !ranges.isEmpty()) {
            long smallest = Long.MAX_VALUE;
            for (JsonNode range : ranges) {
                String step = fields.text(range, "step");
                long micros;
                try {
                    micros = Decimals.scaled(step, 6);
                } catch (NumberFormatException | ArithmeticException e) {
                    throw fields.bad("price_ranges step is not a dollar amount: \"" + step + "\"");
                }
                if (micros > 0) {
                    smallest = Math.min(smallest, micros);
                }
            }
            if (smallest != Long.MAX_VALUE) {
                return tick(smallest, fields);
            }
        }
        Long cents = fields.optionalLong(node, "tick_size");
        return cents == null ? TickSize.CENT : tick(cents * 10_000, fields);
    }

    private static TickSize tick(long micros, JsonFields fields) {
        try {
            return new TickSize(Math.toIntExact(micros));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw fields.bad("unusable tick size of " + micros + " micro-dollars");
        }
    }
}
