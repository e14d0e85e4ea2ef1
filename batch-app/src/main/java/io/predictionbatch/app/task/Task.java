package io.predictionbatch.app.task;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.predictionbatch.model.FieldViolation;

/**
 * A single-record prediction task as recorded in {@code prediction_task}.
 *
 * @param input the record, a JSON object as text
 * @param result the prediction, a JSON object as text, when the task succeeded
 * @param errorMessage why the task failed or was cancelled, else {@code null}
 * @param violations the bad fields when the model refused the record, else empty
 * @param attempts how many runs have claimed the task
 * @param worker the process that ran (or runs) the latest attempt, {@code host:pid}
 */
public record Task(UUID id, String model, String modelVersion, TaskState state, String input, String result,
        String errorMessage, List<FieldViolation> violations, Instant submittedAt, Instant startedAt,
        Instant finishedAt, int attempts, String worker) {

    public Task {
        violations = List.copyOf(violations);
    }

    /** A task just accepted: queued, not yet tried. */
    static Task queued(UUID id, String model, String modelVersion, String input, Instant submittedAt) {
        return new Task(id, model, modelVersion, TaskState.QUEUED, input, null, null, List.of(), submittedAt, null,
                null, 0, null);
    }
}
