package io.predictionbatch.model.binding;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.StringNode;

/**
 * Reads any other field type (dates, UUIDs, nested records, lists) with Jackson's own deserializer
 * for it, from a small tree. Slower than the dedicated readers, but such fields are rare in model
 * inputs and this keeps every type Jackson can read usable.
 */
final class JacksonReader extends ValueReader {

    private final ObjectReader reader;
    private final String expected;

    JacksonReader(JavaType type) {
        this.reader = BindingJson.MAPPER.readerFor(type);
        this.expected = "a valid " + type.getRawClass().getSimpleName();
    }

    @Override
    String expected() {
        return expected;
    }

    @Override
    Object fromText(String text) {
        return fromNode(StringNode.valueOf(text));
    }

    @Override
    Object fromJsonNumber(JsonParser parser) {
        return fromNode(BindingJson.MAPPER.readTree(parser));
    }

    @Override
    Object fromNumberNode(JsonNode node) {
        return fromNode(node);
    }

    @Override
    Object fromBoolean(boolean value) {
        return fromNode(BooleanNode.valueOf(value));
    }

    @Override
    Object fromContainer(JsonNode node) {
        return fromNode(node);
    }

    /**
     * The root cause says it best when Jackson wraps a type's own parser ("Text '2023-02-29' could
     * not be parsed: Invalid date 'February 29' as '2023' is not a leap year").
     */
    private static String reason(JacksonException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != e && !(root instanceof JacksonException) && root.getMessage() != null) {
            return root.getMessage();
        }
        return BindingJson.reason(e);
    }

    private Object fromNode(JsonNode node) {
        try {
            return reader.readValue(node);
        } catch (JacksonException e) {
            String value = node.isString() ? node.stringValue() : node.toString();
            return new Rejection(value, "is not " + expected + ": " + reason(e));
        }
    }
}
