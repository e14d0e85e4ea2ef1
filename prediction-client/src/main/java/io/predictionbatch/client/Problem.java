package io.predictionbatch.client;

import java.util.List;

import io.predictionbatch.model.FieldViolation;

/**
 * An RFC 9457 problem response of the server ({@code application/problem+json}); a 422 adds the
 * record's violations.
 */
record Problem(String type, String title, int status, String detail, String instance,
               List<FieldViolation> violations) {

    Problem {
        violations = violations == null ? List.of() : List.copyOf(violations);
    }

    PredictionClientException toException() {
        return new PredictionClientException(status, title, detail);
    }
}
