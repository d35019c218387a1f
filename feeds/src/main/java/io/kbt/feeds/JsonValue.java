package io.kbt.feeds;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One scalar JSON value as read, kept as its token kind and exact text (numbers are never turned into doubles);
 * objects and arrays are kept only by kind, to say what was found where a scalar belongs.
 */
record JsonValue(JsonToken token, String text) {
    static final JsonValue MISSING = new JsonValue(JsonToken.NOT_AVAILABLE, null);

    static JsonValue of(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return MISSING;
        }
        return switch (node.getNodeType()) {
            case STRING -> new JsonValue(JsonToken.VALUE_STRING, node.textValue());
            case NUMBER -> node.isIntegralNumber()
                    ? new JsonValue(JsonToken.VALUE_NUMBER_INT, node.bigIntegerValue().toString())
                    : new JsonValue(JsonToken.VALUE_NUMBER_FLOAT, node.decimalValue().toPlainString());
            case BOOLEAN -> new JsonValue(node.booleanValue() ? JsonToken.VALUE_TRUE : JsonToken.VALUE_FALSE,
                    node.asText());
            case NULL -> new JsonValue(JsonToken.VALUE_NULL, null);
            case ARRAY -> new JsonValue(JsonToken.START_ARRAY, null);
            default -> new JsonValue(JsonToken.START_OBJECT, null);
        };
    }

    /** Present and not JSON null. */
    boolean present() {
        return token != JsonToken.NOT_AVAILABLE && token != JsonToken.VALUE_NULL;
    }

    boolean isString() {
        return token == JsonToken.VALUE_STRING;
    }

    boolean isInteger() {
        return token == JsonToken.VALUE_NUMBER_INT;
    }

    boolean isNumber() {
        return token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
    }

    /** What was found, for messages: "a string", "an object", "missing", ... */
    String kind() {
        return switch (token) {
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            default -> "missing";
        };
    }
}
