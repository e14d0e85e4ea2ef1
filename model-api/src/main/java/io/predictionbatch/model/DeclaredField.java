package io.predictionbatch.model;

import java.util.Objects;

/**
 * One field of a {@link DeclaredModel}'s input or output: what a record component is to a model
 * written in Java. Input fields are bound by the same rules as a Java input type's
 * ({@link io.predictionbatch.model.binding.RecordBinder RecordBinder}).
 *
 * @param name the field's name in records and output columns ({@code petal_width})
 * @param type the kind of value it holds
 * @param description what it means, for the model's JSON Schema; may be empty
 * @param nullable whether an input record may leave it out (it is then {@code null})
 */
public record DeclaredField(String name, Type type, String description, boolean nullable) {

    /** The kinds of value a declared field holds, and the Java type that carries each. */
    public enum Type {
        /** A {@link Float}: binding refuses NaN, infinities and values out of its range. */
        FLOAT,
        /** A {@link Double}. */
        DOUBLE,
        /** A {@link Long}: binding refuses a fraction ({@code 5.5}) rather than truncate it. */
        INTEGER,
        /** A {@link String}, kept as written. */
        STRING,
        /** A {@link Boolean}: {@code true} or {@code false}, any case. */
        BOOLEAN
    }

    public DeclaredField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
    }

    /** A required field with no description. */
    public static DeclaredField of(String name, Type type) {
        return new DeclaredField(name, type, "", false);
    }
}
