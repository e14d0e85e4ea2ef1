package io.predictionbatch.app.task;

import java.time.Instant;
import java.util.UUID;

/** A task a worker has claimed to run: what it needs to predict it and to record the outcome. */
record ClaimedTask(UUID id, String model, String input, int attempt, Instant submittedAt) {
}
