package io.predictionbatch.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * A task as the server reports it at one moment: a snapshot, immutable, that a later request may
 * contradict until {@link TaskState#isFinal() the state is final}. It mirrors the server's task
 * JSON field by field.
 *
 * @param id the task's id
 * @param model the model's qualified name ({@code iris_model})
 * @param modelVersion the version of the model that took the task
 * @param state where the task is
 * @param input the record as submitted
 * @param result the prediction when the task succeeded, else {@code null}
 * @param error why it failed when the task failed, else {@code null}
 * @param submittedAt when the server accepted it
 * @param startedAt when a worker took it, or {@code null} while queued (or cancelled in the queue)
 * @param finishedAt when it reached a final state, or {@code null} before
 * @param attempts how many times a worker started it
 * @param worker the worker that ran it ({@code host:pid}), or {@code null} while queued
 */
public record TaskInfo(UUID id, String model, String modelVersion, TaskState state, JsonNode input,
                       JsonNode result, TaskError error, Instant submittedAt, Instant startedAt,
                       Instant finishedAt, int attempts, String worker) {

    public TaskInfo {
        // Jackson reads a JSON null into a JsonNode property as a NullNode; "no result" is null here.
        result = result == null || result.isNull() ? null : result;
        input = input == null || input.isNull() ? null : input;
    }

    /** Time from submission to the final state, empty while the task is not final. */
    public Optional<Duration> latency() {
        return submittedAt == null || finishedAt == null ? Optional.empty()
                : Optional.of(Duration.between(submittedAt, finishedAt));
    }
}
