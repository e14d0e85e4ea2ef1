package io.predictionbatch.app.task;

import java.time.Instant;
import java.util.List;

import io.predictionbatch.model.FieldViolation;

/**
 * How one run of a task ended: the final state it records, with the prediction or the error.
 * Recorded only if the run's attempt is still the task's latest.
 */
record TaskOutcome(TaskRun run, TaskState state, String result, String errorMessage,
        List<FieldViolation> violations, Instant finishedAt) {

    static TaskOutcome succeeded(TaskRun run, String result) {
        return new TaskOutcome(run, TaskState.SUCCEEDED, result, null, List.of(), TaskStore.now());
    }

    static TaskOutcome failed(TaskRun run, String message, List<FieldViolation> violations) {
        return new TaskOutcome(run, TaskState.FAILED, null, message, violations, TaskStore.now());
    }

    /** This outcome, for the run as the table now shows it (claimed meanwhile, or not). */
    TaskOutcome of(TaskRun current) {
        return new TaskOutcome(current, state, result, errorMessage, violations, finishedAt);
    }

    /** The task as this outcome leaves it in the table. */
    Task ended() {
        return new Task(run.id(), run.model(), run.modelVersion(), state, run.input(), result, errorMessage,
                violations, run.submittedAt(), run.startedAt(), finishedAt, run.attempt(), run.worker());
    }
}
