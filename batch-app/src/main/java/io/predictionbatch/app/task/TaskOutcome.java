package io.predictionbatch.app.task;

import java.util.List;
import java.util.UUID;

import io.predictionbatch.model.FieldViolation;

/**
 * How one run of a task ended: the final state it records, with the prediction or the error.
 *
 * @param attempt the attempt that ran; the outcome is recorded only if it is still the latest
 */
record TaskOutcome(UUID id, int attempt, TaskState state, String result, String errorMessage,
        List<FieldViolation> violations) {

    static TaskOutcome succeeded(ClaimedTask task, String result) {
        return new TaskOutcome(task.id(), task.attempt(), TaskState.SUCCEEDED, result, null, List.of());
    }

    static TaskOutcome failed(ClaimedTask task, String message, List<FieldViolation> violations) {
        return new TaskOutcome(task.id(), task.attempt(), TaskState.FAILED, null, message, violations);
    }
}
