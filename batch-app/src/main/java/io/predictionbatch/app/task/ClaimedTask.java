package io.predictionbatch.app.task;

import java.time.Instant;
import java.util.UUID;

/** A task a run has claimed: what it needs to predict it, and to tell its end without reading it again. */
record ClaimedTask(UUID id, String model, String modelVersion, String input, int attempt, Instant submittedAt,
        Instant startedAt, String worker) {
}
