package io.predictionbatch.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An input record did not match the model's input schema. It names every bad field at once, so
 * that a user fixes a record in one pass; its message joins the violations with {@code "; "}.
 */
public class SchemaValidationException extends ModelException {

    private final List<FieldViolation> violations;

    public SchemaValidationException(List<FieldViolation> violations) {
        super(violations.stream().map(FieldViolation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    /** The bad fields; the record binder lists them in the input type's field order. */
    public List<FieldViolation> violations() {
        return violations;
    }
}
