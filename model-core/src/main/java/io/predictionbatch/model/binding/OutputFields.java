package io.predictionbatch.model.binding;

import io.predictionbatch.model.DeclaredField;
import io.predictionbatch.model.FieldValues;
import io.predictionbatch.model.ModelException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.ser.BeanPropertyWriter;
import tools.jackson.databind.ser.PropertyWriter;
import tools.jackson.databind.ser.bean.BeanSerializerBase;

/**
 * Flattens a model's output into columns for writers (CSV columns, table columns, JSON fields).
 *
 * <p>The output type is a record or bean; its fields, their JSON names and their order are those
 * Jackson would write. Values come out as Strings, Numbers and Booleans; an enum becomes its JSON
 * value (the same text a JSON writer would produce); any other type becomes what Jackson writes
 * for it, a scalar or, for a nested object or list, its JSON text. The accessors are worked out once
 * per type by {@link #forType(Class)}; an instance is immutable and shared by all threads.
 *
 * @param <O> the model's output type
 */
public final class OutputFields<O> {

    private static final ClassValue<OutputFields<?>> FIELDS = new ClassValue<>() {
        @Override
        protected OutputFields<?> computeValue(Class<?> type) {
            return new OutputFields<>(type);
        }
    };

    private final String typeName;
    private final List<String> fieldNames;
    /** The getters of a record or bean output; {@code null} for declared fields. */
    private final BeanPropertyWriter[] accessors;

    private OutputFields(Class<O> outputType) {
        this.typeName = outputType.getSimpleName();
        List<BeanPropertyWriter> writers = new ArrayList<>();
        for (PropertyWriter property : beanSerializer(outputType)) {
            if (!(property instanceof BeanPropertyWriter writer)) {
                throw new IllegalArgumentException("The output type " + outputType.getName() + " has a property '"
                        + property.getName() + "' that is not a plain field or getter");
            }
            writers.add(writer);
        }
        Map<String, String> javaNames = new HashMap<>();
        BindingJson.MAPPER._serializationContext()
                .introspectBeanDescription(BindingJson.MAPPER.constructType(outputType))
                .findProperties()
                .forEach(definition -> javaNames.put(definition.getName(), definition.getInternalName()));
        writers = DeclarationOrder.sort(outputType, writers, writer -> javaNames.get(writer.getName()));
        if (writers.isEmpty()) {
            throw new IllegalArgumentException("The output type " + outputType.getName()
                    + " has no properties: make it a record whose components are the output fields");
        }
        this.accessors = writers.toArray(BeanPropertyWriter[]::new);
        this.fieldNames = writers.stream().map(BeanPropertyWriter::getName).toList();
    }

    private OutputFields(List<String> fieldNames) {
        this.typeName = "record of " + fieldNames;
        this.fieldNames = fieldNames;
        this.accessors = null;
    }

    /**
     * The output fields of a type, built on first use and cached for the life of the type's class.
     *
     * @throws IllegalArgumentException when the type is not a record or bean with properties
     */
    @SuppressWarnings("unchecked")
    public static <O> OutputFields<O> forType(Class<O> outputType) {
        return (OutputFields<O>) FIELDS.get(Objects.requireNonNull(outputType, "outputType"));
    }

    /**
     * The output fields of a {@link io.predictionbatch.model.DeclaredModel DeclaredModel}, whose
     * predictions are {@link FieldValues} in this order.
     *
     * @throws IllegalArgumentException when there are no fields or two share a name
     */
    public static OutputFields<FieldValues> forFields(List<DeclaredField> fields) {
        return new OutputFields<>(DeclaredFieldNames.of(fields, "output"));
    }

    /** The output's field names as Jackson writes them, in declaration order. */
    public List<String> fieldNames() {
        return fieldNames;
    }

    /**
     * The output's values in {@link #fieldNames()} order.
     *
     * @throws ModelException when the output is {@code null} or one of its accessors fails
     */
    public Object[] values(O output) {
        if (output == null) {
            throw new ModelException("The model returned no prediction (null) instead of a " + typeName);
        }
        if (accessors == null) {
            return declaredValues(output);
        }
        Object[] values = new Object[accessors.length];
        for (int i = 0; i < accessors.length; i++) {
            Object value;
            try {
                value = accessors[i].get(output);
            } catch (Exception e) {
                throw new ModelException("Could not read the output field '" + fieldNames.get(i) + "' of "
                        + typeName + ": " + e.getMessage(), e);
            }
            values[i] = plain(value);
        }
        return values;
    }

    private Object[] declaredValues(O output) {
        if (!(output instanceof FieldValues record) || !record.names().equals(fieldNames)) {
            throw new ModelException("The model returned " + output + " instead of a " + typeName);
        }
        Object[] values = record.toArray();
        for (int i = 0; i < values.length; i++) {
            values[i] = plain(values[i]);
        }
        return values;
    }

    private static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Enum<?>) {
            return EnumJsonValues.of(value);
        }
        if (value instanceof Character c) {
            return c.toString();
        }
        JsonNode node = BindingJson.MAPPER.valueToTree(value);
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isNull() ? null : node.toString();
    }

    private static Iterable<PropertyWriter> beanSerializer(Class<?> type) {
        ValueSerializer<Object> serializer;
        try {
            serializer = BindingJson.MAPPER._serializationContext().findValueSerializer(type);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Jackson cannot write the output type " + type.getName() + ": "
                    + BindingJson.reason(e), e);
        }
        if (!(serializer instanceof BeanSerializerBase bean)) {
            throw new IllegalArgumentException("The output type " + type.getName()
                    + " is not a record or a bean: wrap the prediction in a record, such as"
                    + " record Prediction(String species)");
        }
        return bean::properties;
    }

    @Override
    public String toString() {
        return "OutputFields" + fieldNames;
    }
}
