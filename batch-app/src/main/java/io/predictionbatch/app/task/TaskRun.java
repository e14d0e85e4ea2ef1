package io.predictionbatch.app.task;

import java.time.Instant;
import java.util.UUID;

/**
 * One run of a task by a worker: what it needs to predict the task, and to tell its end without
 * reading it again. A run takes a queued task, which the table still shows {@code QUEUED}
 * ({@code recorded}); a run that lasts is claimed, and the table shows the task {@code RUNNING}
 * with this attempt and a heartbeat. The run's end is recorded only where the table still shows
 * the task as the run left it, so that a task is finished once.
 */
record TaskRun(UUID id, String model, String modelVersion, String input, int attempt, Instant submittedAt,
        Instant startedAt, String worker, TaskState recorded) {

    boolean isClaimed() {
        return recorded == TaskState.RUNNING;
    }

    /** This run, once the table shows it running. */
    TaskRun claimed() {
        return new TaskRun(id, model, modelVersion, input, attempt, submittedAt, startedAt, worker, TaskState.RUNNING);
    }

    /** The attempts the table counts while this run holds the task: a claim counts the run. */
    int recordedAttempts() {
        return isClaimed() ? attempt : attempt - 1;
    }
}
