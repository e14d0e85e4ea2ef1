package io.predictionbatch.model;

import java.util.List;
import java.util.stream.Collectors;

/** An input record did not match the model's input schema; names every bad field. */
public class SchemaValidationException extends ModelException {

    private final List<FieldViolation> violations;

    public SchemaValidationException(List<FieldViolation> violations) {
        super(violations.stream().map(FieldViolation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
