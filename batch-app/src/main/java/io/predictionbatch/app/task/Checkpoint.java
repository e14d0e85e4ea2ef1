package io.predictionbatch.app.task;

/**
 * Makes what the database has committed so far survive the death of its server, where a commit
 * alone does not (the embedded database server writes commits to its file in the background, up
 * to 100 ms later). The task store calls it before a client is told of a change: a submission
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
