package io.predictionbatch.model.binding;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/** The Jackson configuration binding shares, and the wording of what it found in the input. */
final class BindingJson {

    /**
     * Jackson 3 sorts properties alphabetically by default; we keep declaration order because it is
     * the order of a CSV header and of output columns. Non-numeric tokens (NaN) are allowed so that
     * they are reported as a bad field rather than as a broken line. Trailing tokens are allowed
     * because a field's tree is read from the middle of a line; the binder checks the line's end.
     */
    static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                    .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                    .build())
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * A parser for one line. Created straight from the factory, without the mapper's per-call
     * deserialization context, which costs more than parsing a short line; trees, when a value
     * needs one, are read with {@code MAPPER.readTree(parser)}.
     */
    static JsonParser parser(String text) {
        return MAPPER.tokenStreamFactory().createParser(ObjectReadContext.empty(), text);
    }

    private static final int MAX_SHOWN_LENGTH = 60;

    private BindingJson() {
    }

    /** Keeps messages readable when a value is a whole paragraph or a nested document. */
    static String abbreviate(String text) {
        if (text == null || text.length() <= MAX_SHOWN_LENGTH) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_SHOWN_LENGTH - 1))
                ? MAX_SHOWN_LENGTH - 1
                : MAX_SHOWN_LENGTH;
        return text.substring(0, end) + "…";
    }

    /** Jackson's own explanation, without the source location it appends. */
    static String reason(JacksonException e) {
        String message = e.getOriginalMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        int location = message.indexOf(" (start marker at");
        if (location >= 0) {
            message = message.substring(0, location);
        }
        return message.strip();
    }

    /** Names a JSON value's kind the way a message reads: "an object", "a boolean". */
    static String kind(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }

    static String kind(JsonNode node) {
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isString()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        return node.isNull() ? "null" : node.getNodeType().name().toLowerCase();
    }
}
