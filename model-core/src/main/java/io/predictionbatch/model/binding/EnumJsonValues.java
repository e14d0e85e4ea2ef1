package io.predictionbatch.model.binding;

import tools.jackson.databind.JsonNode;

/**
 * The JSON value of each enum constant, as Jackson writes it, computed once per enum type. Reading
 * and writing use the same values, so an output written by one job reads back as an input.
 */
final class EnumJsonValues {

    private static final ClassValue<Object[]> VALUES = new ClassValue<>() {
        @Override
        protected Object[] computeValue(Class<?> enumType) {
            Object[] constants = enumType.getEnumConstants();
            Object[] values = new Object[constants.length];
            for (int i = 0; i < constants.length; i++) {
                JsonNode node = BindingJson.MAPPER.valueToTree(constants[i]);
                values[i] = node.isNumber() ? node.numberValue()
                        : node.isBoolean() ? (Object) node.booleanValue()
                        : node.asString();
            }
            return values;
        }
    };

    private EnumJsonValues() {
    }

    /** A String, or a Number or Boolean when the enum is written that way ({@code @JsonValue}). */
    static Object of(Object constant) {
        Enum<?> e = (Enum<?>) constant;
        return VALUES.get(e.getDeclaringClass())[e.ordinal()];
    }
}
