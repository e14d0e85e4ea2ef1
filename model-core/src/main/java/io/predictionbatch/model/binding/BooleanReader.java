package io.predictionbatch.model.binding;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;

/** Reads boolean fields: {@code true} or {@code false} in any case, and nothing else (no 0/1, yes/no). */
final class BooleanReader extends ValueReader {

    @Override
    String expected() {
        return "a boolean";
    }

    @Override
    Object fromText(String text) {
        if (text.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (text.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        return new Rejection(text, "is not a boolean (true or false)");
    }

    @Override
    Object fromJsonNumber(JsonParser parser) {
        return wrongKind(parser.getString(), "a number");
    }

    @Override
    Object fromNumberNode(JsonNode node) {
        return wrongKind(node.asString(), "a number");
    }

    @Override
    Object fromBoolean(boolean value) {
        return value;
    }
}
