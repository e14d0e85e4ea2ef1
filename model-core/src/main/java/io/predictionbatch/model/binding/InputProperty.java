package io.predictionbatch.model.binding;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * One field of an input type: its JSON name, its position among the fields, how to read it, and
 * whether it may be absent. Absence (missing, null, empty text) is decided here rather than in the
 * readers because it depends on the field, not on its type.
 *
 * @param name the field's name in records, as Jackson names it
 * @param index the field's position in {@link RecordBinder#fieldNames()}
 * @param reader reads a present value
 * @param nullable whether an absent value becomes {@code null} instead of a violation
 */
record InputProperty(String name, int index, ValueReader reader, boolean nullable) {

    Object fromText(String text) {
        String value = reader.trims() ? text.strip() : text;
        return value.isEmpty() ? absent("is empty") : reader.fromText(value);
    }

    /** Reads the value the parser is positioned on, consuming it whole. */
    Object fromJson(JsonParser parser, JsonToken token) {
        return switch (token) {
            case VALUE_STRING -> fromText(parser.getString());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> reader.fromJsonNumber(parser);
            case VALUE_TRUE -> reader.fromBoolean(true);
            case VALUE_FALSE -> reader.fromBoolean(false);
            case VALUE_NULL -> absent("is null");
            case START_OBJECT, START_ARRAY -> reader.fromContainer(BindingJson.MAPPER.readTree(parser));
            default -> new Rejection(parser.getString(), "is not a JSON value");
        };
    }

    Object fromNode(JsonNode node) {
        if (node.isNull() || node.isMissingNode()) {
            return absent("is null");
        }
        if (node.isString()) {
            return fromText(node.stringValue());
        }
        if (node.isNumber()) {
            return reader.fromNumberNode(node);
        }
        if (node.isBoolean()) {
            return reader.fromBoolean(node.booleanValue());
        }
        if (node.isContainer()) {
            return reader.fromContainer(node);
        }
        return fromText(node.asString());
    }

    /** The value of a field that has none: {@code null} if allowed, else a rejection saying why. */
    Object absent(String reason) {
        return nullable ? null : new Rejection(null, reason);
    }
}
