package io.kbt.feeds;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * Walks the JSON objects of interest in a whole file that may hold one document, an array of documents or one
 * document per line (JSONL), handing each object with the line it starts on. Used for the REST-shaped files
 * (markets, trades pages), which are small enough to read whole.
 */
final class JsonDocuments {
    /** Receives one object of interest and the 1-based line where it starts. */
    interface Visitor {
        void visit(JsonNode object, long line);
    }

    private final String sourceName;
    private final JsonFields fields;
    private final String text;
    /** The last line that is not blank: where a document cut short ends. */
    private final long lastLine;
    /** Reads one value in the middle of a document (the mapper itself insists on nothing after a value). */
    private final ObjectReader items;

    JsonDocuments(Path file, String sourceName, JsonFields fields) {
        this.sourceName = sourceName;
        this.fields = fields;
        StringBuilder all = new StringBuilder();
        long lastLine = 0;
        try (LineSource lines = new LineSource(file, sourceName)) {
            while (lines.next()) {
                if (!lines.blank()) {
                    lastLine = lines.lineNumber();
                }
                all.append(lines.chars(), 0, lines.length()).append('\n');
            }
        }
        this.lastLine = lastLine;
        if (lastLine == 0) {
            throw new BadInputException(sourceName, 0, "empty file");
        }
        this.text = all.toString();
        this.items = fields.mapper().reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * Visits every object under {@code listField} of the top-level objects (e.g. "trades" of each page), and,
     * where a top-level value is an array, of each of its elements; top-level objects that {@code isItem} accepts
     * (or array elements that do) are visited themselves.
     */
    void forEach(String listField, Predicate<JsonNode> isItem, Visitor visitor) {
        try (JsonParser parser = fields.mapper().getFactory().createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.START_ARRAY) {
                    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                        if (token == null) {
                            throw truncated();
                        }
                        container(parser, listField, isItem, visitor);
                    }
                } else {
                    container(parser, listField, isItem, visitor);
                }
            }
        } catch (JsonEOFException e) {
            throw new BadInputException(sourceName, lastLine, "JSON ends early (truncated)", e);
        } catch (JsonProcessingException e) {
            throw new BadInputException(sourceName, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "malformed JSON (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private BadInputException truncated() {
        return new BadInputException(sourceName, lastLine, "JSON ends early (truncated)");
    }

    private void container(JsonParser parser, String listField, Predicate<JsonNode> isItem, Visitor visitor)
            throws IOException {
        long line = parser.currentTokenLocation().getLineNr();
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            fields.line(line);
            throw fields.bad("expected a JSON object, found " + parser.currentToken().asString());
        }
        int start = (int) parser.currentTokenLocation().getCharOffset();
        boolean sawList = false;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_OBJECT) {
            if (token == null) {
                throw truncated();
            }
            String name = parser.currentName();
            if (parser.nextToken() == null) {
                throw truncated();
            }
            if (name.equals(listField) && parser.currentToken() == JsonToken.START_ARRAY) {
                sawList = true;
                while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                    if (token == null) {
                        throw truncated();
                    }
                    long itemLine = parser.currentTokenLocation().getLineNr();
                    JsonNode node = items.readTree(parser);
                    fields.line(itemLine);
                    if (!node.isObject()) {
                        throw fields.bad("each element of \"" + listField + "\" must be an object, found "
                                + JsonFields.kind(node));
                    }
                    visitor.visit(node, itemLine);
                }
            } else {
                parser.skipChildren();
            }
        }
        if (!sawList) {
            int end = (int) parser.currentLocation().getCharOffset();
            JsonNode object = fields.mapper().readTree(text.substring(start, end));
            fields.line(line);
            if (!isItem.test(object)) {
                throw fields.bad("expected a list \"" + listField + "\" or one of its items, found an object with "
                        + "neither");
            }
            visitor.visit(object, line);
        }
    }
}
