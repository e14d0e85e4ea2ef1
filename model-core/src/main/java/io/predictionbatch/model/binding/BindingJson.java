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
     * they are reported as a bad field rather than as a broken line. A property named twice in one
     * object makes the line broken: which of the two values is meant cannot be told. Trailing
     * tokens are allowed because a field's tree is read from the middle of a line; the binder
     * checks the line's end.
     */
    static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                    .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
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

    /**
     * A value as a message shows it: cut short when it is a whole paragraph or a nested document,
     * and with the characters one cannot see (a no-break space, a zero-width space, a control
     * character) written as {@code \\u00a0}, since they are often why a value that looks right is
     * refused.
     */
    static String shown(String text) {
        if (text == null) {
            return null;
        }
        String cut = text;
        if (text.length() > MAX_SHOWN_LENGTH) {
            int end = Character.isHighSurrogate(text.charAt(MAX_SHOWN_LENGTH - 1))
                    ? MAX_SHOWN_LENGTH - 1
                    : MAX_SHOWN_LENGTH;
            cut = text.substring(0, end) + "…";
        }
        return cut.chars().allMatch(c -> !invisible(c)) ? cut : visible(cut);
    }

    private static boolean invisible(int c) {
        int type = Character.getType(c);
        return c != ' ' && (Character.isSpaceChar(c) || type == Character.CONTROL || type == Character.FORMAT);
    }

    private static String visible(String text) {
        StringBuilder shown = new StringBuilder(text.length() + 8);
        text.chars().forEach(c -> {
            if (invisible(c)) {
                shown.append(String.format("\\u%04x", c));
            } else {
                shown.append((char) c);
            }
        });
        return shown.toString();
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
