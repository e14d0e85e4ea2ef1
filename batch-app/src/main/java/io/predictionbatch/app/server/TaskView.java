package io.predictionbatch.app.server;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.predictionbatch.app.task.Task;
import io.predictionbatch.app.task.TaskState;
import io.predictionbatch.model.FieldViolation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A task as the API shows it: input and result as JSON objects, the error with its violations.
 *
 * @param error why the task failed or was cancelled, else {@code null}
 * @param latencyMillis its round trip, submitted to finished, once it has finished
 */
record TaskView(UUID id, String model, String modelVersion, TaskState state, JsonNode input, JsonNode result,
        Error error, Instant submittedAt, Instant startedAt, Instant finishedAt, Long latencyMillis, int attempts,
        String worker) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** @param violations the bad fields when the model refused the record, else empty */
    record Error(String message, List<FieldViolation> violations) {
    }

    static TaskView of(Task task) {
        return new TaskView(task.id(), task.model(), task.modelVersion(), task.state(), JSON.readTree(task.input()),
                task.result() == null ? null : JSON.readTree(task.result()),
                task.errorMessage() == null ? null : new Error(task.errorMessage(), task.violations()),
                task.submittedAt(), task.startedAt(), task.finishedAt(), task.finishedAt() == null ? null
                        : Duration.between(task.submittedAt(), task.finishedAt()).toMillis(), task.attempts(),
                task.worker());
    }
}
