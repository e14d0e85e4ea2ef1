package io.predictionbatch.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One record of a {@link DeclaredModel}: the values of its declared fields, in declaration order.
 * An input record holds {@link Float}, {@link Double}, {@link Long}, {@link String} or
 * {@link Boolean} values as each field's {@link DeclaredField.Type} says, or {@code null} for an
 * absent optional field. Immutable; Jackson writes it as a JSON object of its fields.
 */
public final class FieldValues {

    private final List<String> names;
    private final Object[] values;

    /**
     * @param names the fields' names, in order; share one list between records
     * @param values one value per name, copied
     */
    public FieldValues(List<String> names, Object... values) {
        this.names = Objects.requireNonNull(names, "names");
        if (values.length != names.size()) {
            throw new IllegalArgumentException(values.length + " values for the " + names.size() + " fields "
                    + names);
        }
        this.values = values.clone();
    }

    /** The fields' names, in order. */
    public List<String> names() {
        return names;
    }

    /** How many fields the record has. */
    public int size() {
        return values.length;
    }

    /** The value of the field at this position. */
    public Object get(int index) {
        return values[index];
    }

    /** The value of a numeric field as a double; {@code NaN} when it is absent. */
    public double number(int index) {
        return values[index] instanceof Number number ? number.doubleValue() : Double.NaN;
    }

    /** The values, in field order (a copy). */
    public Object[] toArray() {
        return values.clone();
    }

    /** The record as a map from field name to value, in field order, as JSON shows it. */
    @JsonValue
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            map.put(names.get(i), values[i]);
        }
        return map;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FieldValues that && names.equals(that.names) && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return 31 * names.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
