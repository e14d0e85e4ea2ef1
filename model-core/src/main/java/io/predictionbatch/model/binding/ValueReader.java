package io.predictionbatch.model.binding;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;

/**
 * Turns one field's raw value into the Java value the input type declares, or into a
 * {@link Rejection}. One reader per property, built once per input type; readers hold no per-record
 * state, so they are shared by all threads.
 *
 * <p>Text (a CSV cell or a JSON string) is the common ground: a JSON string is read exactly as the
 * same text in a CSV cell would be, so {@code "5.1"} is accepted for a number. Other JSON kinds go
 * through the dedicated methods, whose default is to refuse them naming the kind found.
 */
abstract class ValueReader {

    /** What the field expects, for messages: "a number", "an integer", "a string". */
    abstract String expected();

    /** Whether whitespace around the text is meaningless (true for all but strings). */
    boolean trims() {
        return true;
    }

    /** Reads non-empty text. */
    abstract Object fromText(String text);

    /** Reads the JSON number the parser is positioned on. */
    Object fromJsonNumber(JsonParser parser) {
        return fromText(parser.getString());
    }

    Object fromNumberNode(JsonNode node) {
        return fromText(node.asString());
    }

    Object fromBoolean(boolean value) {
        return wrongKind(String.valueOf(value), "a boolean");
    }

    /** Reads a JSON object or array. */
    Object fromContainer(JsonNode node) {
        return wrongKind(node.toString(), BindingJson.kind(node));
    }

    final Rejection wrongKind(String value, String found) {
        return new Rejection(value, "must be " + expected() + ", not " + found);
    }
}
