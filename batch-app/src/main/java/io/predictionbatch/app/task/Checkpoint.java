package io.predictionbatch.app.task;

/**
 * Makes what the database has committed so far survive the death of its server, where a commit
 * alone does not (the embedded mode's H2 writes commits to its file in the background, a few
 * milliseconds later). The task store calls it before a client is told of a change: a submission
 * (202 Accepted), a cancel. The other changes (a claim, an end) may be lost with the last moments
 * of a killed database server, and are then made again: the task is taken up again, and its end
 * recorded once.
 */
@FunctionalInterface
public interface Checkpoint {

    /** For a database whose commit is durable when it returns (PostgreSQL). */
    Checkpoint ON_COMMIT = () -> {
    };

    void force();
}
