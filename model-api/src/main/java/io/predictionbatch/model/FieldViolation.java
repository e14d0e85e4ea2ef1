package io.predictionbatch.model;

/**
 * One input field that broke the model's schema.
 *
 * @param field the field's name as it appears in the record ({@code petal_width})
 * @param value the offending value as text, or {@code null} when the field was missing or null
 * @param reason why the value was refused ({@code is not a number})
 */
public record FieldViolation(String field, String value, String reason) {

    /** Renders the violation the way users read it: {@code petal_width: 'asdfg' is not a number}. */
    @Override
    public String toString() {
        return value == null ? field + ": " + reason : field + ": '" + value + "' " + reason;
    }
}
