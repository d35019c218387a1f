package io.kbt.kalshi.ws;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * What the recorder needs of a frame, read in one streaming pass with no tree (the data frames are nearly all of
 * them): {@code type}, {@code sid}, {@code seq}, and for data frames the exchange time in {@code msg}
 * ({@code ts_ms}, else {@code ts} as RFC 3339 or epoch seconds). The pass also checks that the text is exactly one
 * JSON object, so that only importable lines are written verbatim.
 */
final class FrameHead {
    static final long NONE = Long.MIN_VALUE;

    private final JsonFactory factory;
    boolean valid;
    String type;
    long sid;
    long seq;
    long exchangeMicros;
    private boolean withTime;

    FrameHead(JsonFactory factory) {
        this.factory = factory;
    }

    static boolean isData(String type) {
        return "orderbook_delta".equals(type) || "orderbook_snapshot".equals(type) || "trade".equals(type);
    }

    /** Reads {@code text}; the exchange time only when {@code withTime}, sparing a timestamp parse per frame. */
    void read(String text, boolean withTime) {
        this.withTime = withTime;
        valid = false;
        type = "";
        sid = seq = exchangeMicros = NONE;
        try (JsonParser parser = factory.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                switch (name) {
                    case "type" -> type = token == JsonToken.VALUE_STRING ? parser.getText() : "";
                    case "sid" -> sid = token == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue() : NONE;
                    case "seq" -> seq = token == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue() : NONE;
                    case "msg" -> {
                        if (token == JsonToken.START_OBJECT && withTime) {
                            msg(parser);
                        } else {
                            parser.skipChildren();
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
            valid = parser.currentToken() == JsonToken.END_OBJECT && parser.nextToken() == null;
        } catch (IOException e) {
            valid = false;
        }
    }

    private void msg(JsonParser parser) throws IOException {
        long tsMs = NONE;
        long ts = NONE;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            if (name.equals("ts_ms") && token == JsonToken.VALUE_NUMBER_INT) {
                tsMs = parser.getLongValue() * 1000;
            } else if (name.equals("ts") && token == JsonToken.VALUE_STRING) {
                try {
                    Instant at = Instant.parse(parser.getText());
                    ts = at.getEpochSecond() * 1_000_000L + at.getNano() / 1000;
                } catch (DateTimeParseException e) {
                    ts = NONE;
                }
            } else if (name.equals("ts") && token == JsonToken.VALUE_NUMBER_INT) {
                ts = parser.getLongValue() * 1_000_000L;
            } else {
                parser.skipChildren();
            }
        }
        exchangeMicros = tsMs != NONE ? tsMs : ts;
    }
}
