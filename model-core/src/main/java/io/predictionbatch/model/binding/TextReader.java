package io.predictionbatch.model.binding;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;

/**
 * Reads string fields. The text is kept as written (no trimming); a JSON number or boolean is taken
 * as its text, since a CSV cell would have given the same text.
 */
final class TextReader extends ValueReader {

    @Override
    String expected() {
        return "a string";
    }

    @Override
    boolean trims() {
        return false;
    }

    @Override
    Object fromText(String text) {
        return text;
    }

    @Override
    Object fromJsonNumber(JsonParser parser) {
        return parser.getString();
    }

    @Override
    Object fromNumberNode(JsonNode node) {
        return node.asString();
    }

    @Override
    Object fromBoolean(boolean value) {
        return String.valueOf(value);
    }
}
