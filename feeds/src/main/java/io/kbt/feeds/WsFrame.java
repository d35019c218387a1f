package io.kbt.feeds;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One websocket frame read field by field with Jackson's streaming parser (no tree): the frame's {@code type},
 * {@code sid} and {@code seq} and the {@code msg} fields the readers use, each kept as a {@link JsonValue} so a
 * wrong type is reported as such. Reused from line to line; a frame is streamed once, in about a third of the
 * time a tree takes. {@link #read} tries {@link WsFrameScanner} first, which fills the same fields from plain
 * frames without Jackson.
 */
final class WsFrame {
    private final JsonFactory factory;
    private final JsonFields fields;

    /** The frame's line in its file, and its bytes' hash and length (to recognise an exact repeat). */
    long line;
    long hash;
    int byteLength;
    JsonValue type;
    JsonValue sid;
    JsonValue seq;
    /** What {@code msg} was when it was not an object; {@code null} when it was one. */
    JsonValue msgNotObject;
    JsonValue marketTicker;
    JsonValue price;
    JsonValue priceDollars;
    JsonValue delta;
    JsonValue deltaFp;
    JsonValue side;
    JsonValue ts;
    JsonValue tsMs;
    JsonValue yesPrice;
    JsonValue noPrice;
    JsonValue yesPriceDollars;
    JsonValue noPriceDollars;
    JsonValue count;
    JsonValue countFp;
    JsonValue takerSide;
    /** Snapshot levels by field: yes, no, yes_dollars, no_dollars, yes_dollars_fp, no_dollars_fp. */
    final List<List<JsonValue[]>> levels = new ArrayList<>(List.of(new ArrayList<>(), new ArrayList<>(),
            new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
    final boolean[] levelsPresent = new boolean[6];

    static final String[] LEVEL_FIELDS = {"yes", "no", "yes_dollars", "no_dollars", "yes_dollars_fp", "no_dollars_fp"};

    WsFrame(JsonFactory factory, JsonFields fields) {
        this.factory = factory;
        this.fields = fields;
    }

    void clear() {
        type = sid = seq = JsonValue.MISSING;
        msgNotObject = JsonValue.MISSING;
        marketTicker = price = priceDollars = delta = deltaFp = side = ts = tsMs = JsonValue.MISSING;
        yesPrice = noPrice = yesPriceDollars = noPriceDollars = count = countFp = takerSide = JsonValue.MISSING;
        for (int i = 0; i < levels.size(); i++) {
            // Only a present field has levels: most frames are deltas, with none to clear.
            if (levelsPresent[i]) {
                levels.get(i).clear();
                levelsPresent[i] = false;
            }
        }
    }

    /**
     * Reads the frame on the current line of {@code lines}: by {@code scanner} when it can, else by Jackson;
     * malformed JSON is bad input on the line.
     */
    void read(LineSource lines, WsFrameScanner scanner) {
        line = lines.lineNumber();
        hash = lines.hash();
        byteLength = lines.byteLength();
        fields.line(line);
        if (!lines.ascii() || !scanner.scan(this, lines.bytes(), lines.offset(), lines.byteLength())) {
            parse(lines.chars(), lines.length());
        }
    }

    /** Reads one frame from a line; malformed JSON is bad input on the line. */
    void parse(char[] chars, int length) {
        clear();
        try (JsonParser parser = factory.createParser(chars, 0, length)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw fields.bad("expected a JSON object, found " + (first == null ? "nothing" : first.asString()));
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                switch (name) {
                    case "type" -> type = value(parser, token);
                    case "sid" -> sid = value(parser, token);
                    case "seq" -> seq = value(parser, token);
                    case "msg" -> {
                        if (token == JsonToken.START_OBJECT) {
                            msgNotObject = null;
                            msg(parser);
                        } else {
                            msgNotObject = value(parser, token);
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw fields.bad("malformed JSON (expected one object on the line)");
            }
        } catch (JsonProcessingException e) {
            throw new BadInputException(fields.source(), fields.line(),
                    "malformed JSON (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void msg(JsonParser parser) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            switch (name) {
                case "market_ticker" -> marketTicker = value(parser, token);
                case "price" -> price = value(parser, token);
                case "price_dollars" -> priceDollars = value(parser, token);
                case "delta" -> delta = value(parser, token);
                case "delta_fp" -> deltaFp = value(parser, token);
                case "side" -> side = value(parser, token);
                case "ts" -> ts = value(parser, token);
                case "ts_ms" -> tsMs = value(parser, token);
                case "yes_price" -> yesPrice = value(parser, token);
                case "no_price" -> noPrice = value(parser, token);
                case "yes_price_dollars" -> yesPriceDollars = value(parser, token);
                case "no_price_dollars" -> noPriceDollars = value(parser, token);
                case "count" -> count = value(parser, token);
                case "count_fp" -> countFp = value(parser, token);
                case "taker_side" -> takerSide = value(parser, token);
                case "yes" -> levels(parser, token, 0);
                case "no" -> levels(parser, token, 1);
                case "yes_dollars" -> levels(parser, token, 2);
                case "no_dollars" -> levels(parser, token, 3);
                case "yes_dollars_fp" -> levels(parser, token, 4);
                case "no_dollars_fp" -> levels(parser, token, 5);
                default -> parser.skipChildren();
            }
        }
    }

    private void levels(JsonParser parser, JsonToken token, int index) throws IOException {
        String field = LEVEL_FIELDS[index];
        if (token == JsonToken.VALUE_NULL) {
            return;
        }
        if (token != JsonToken.START_ARRAY) {
            throw fields.bad("field \"" + field + "\" must be an array of [price, count], was "
                    + value(parser, token).kind());
        }
        levelsPresent[index] = true;
        List<JsonValue[]> list = levels.get(index);
        for (JsonToken level = parser.nextToken(); level != JsonToken.END_ARRAY; level = parser.nextToken()) {
            if (level != JsonToken.START_ARRAY) {
                throw fields.bad("each level of \"" + field + "\" must be [price, count], found "
                        + value(parser, level).kind());
            }
            JsonValue[] pair = new JsonValue[2];
            int size = 0;
            for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
                JsonValue value = value(parser, item);
                if (size < 2) {
                    pair[size] = value;
                }
                size++;
            }
            if (size != 2) {
                throw fields.bad("each level of \"" + field + "\" must be [price, count], found " + size + " values");
            }
            list.add(pair);
        }
    }

    /** The current value; objects and arrays are skipped and kept by kind only. */
    private JsonValue value(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE ->
                    new JsonValue(token, parser.getText());
            case VALUE_NULL -> new JsonValue(token, null);
            case START_OBJECT, START_ARRAY -> {
                parser.skipChildren();
                yield new JsonValue(token, null);
            }
            default -> throw fields.bad("malformed JSON (unexpected " + token + ")");
        };
    }
}
