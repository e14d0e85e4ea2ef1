package io.predictionbatch.model.binding;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;

/**
 * Reads enum fields by the constants' JSON values (their name, or what {@code @JsonProperty} or
 * {@code @JsonValue} makes of it), matched exactly.
 */
final class EnumReader extends ValueReader {

    private final Map<String, Object> constantsByJsonValue;
    private final String allowed;

    EnumReader(Class<?> enumType) {
        Map<String, Object> constants = new LinkedHashMap<>();
        for (Object constant : enumType.getEnumConstants()) {
            constants.put(EnumJsonValues.of(constant).toString(), constant);
        }
        this.constantsByJsonValue = Map.copyOf(constants);
        this.allowed = String.join(", ", constants.keySet());
    }

    @Override
    String expected() {
        return "one of: " + allowed;
    }

    @Override
    Object fromText(String text) {
        Object constant = constantsByJsonValue.get(text);
        return constant != null ? constant : new Rejection(text, "is not one of: " + allowed);
    }

    @Override
    Object fromJsonNumber(JsonParser parser) {
        return fromText(parser.getString());
    }

    @Override
    Object fromNumberNode(JsonNode node) {
        return fromText(node.asString());
    }

    @Override
    Object fromBoolean(boolean value) {
        return fromText(String.valueOf(value));
    }
}
