package io.predictionbatch.client;

import java.util.List;

import io.predictionbatch.model.FieldViolation;

/**
 * Why a task failed, as the server recorded it.
 *
 * @param message what went wrong, written for the user
 * @param violations the input's bad fields when the record broke the model's schema; empty
 *        (never {@code null}) when the failure was of another kind
 */
public record TaskError(String message, List<FieldViolation> violations) {

    public TaskError {
        violations = violations == null ? List.of() : List.copyOf(violations);
    }
}
