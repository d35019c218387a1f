package io.kbt.kalshi.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The lines of a recording: each received frame verbatim with {@code kbt_rx_us} (receive time, UTC epoch µs) put
 * first, on one line; kbt's own notes ({@code kbt_gap}, and {@code kbt_unparsed} for a text that is not one JSON
 * object) as frames of their own type, which the readers count and skip.
 */
final class FrameLines {
    private final ObjectMapper mapper;

    FrameLines(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** {@code frame} is the parsed text, needed only when the text spans lines (it is then written compactly). */
    String frame(String text, boolean valid, JsonNode frame, long receivedMicros) {
        if (!valid) {
            ObjectNode note = mapper.createObjectNode();
            note.put("type", "kbt_unparsed");
            note.put("kbt_rx_us", receivedMicros);
            note.put("text", text);
            return write(note);
        }
        String body = frame != null && (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) ? write(frame) : text;
        String rest = body.substring(body.indexOf('{') + 1);
        return "{\"kbt_rx_us\":" + receivedMicros + (rest.stripLeading().startsWith("}") ? "" : ",") + rest;
    }

    String note(String type, long receivedMicros, ObjectNode msg) {
        ObjectNode note = mapper.createObjectNode();
        note.put("type", type);
        note.put("kbt_rx_us", receivedMicros);
        note.set("msg", msg);
        return write(note);
    }

    private String write(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
