package io.predictionbatch.app.task;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How the task store makes its commits durable, by one rule: a change a client is told of (a
 * submission's 202 Accepted, a cancel's answer) is on disk before the client hears of it; the
 * other changes (a claim, an end, a task put back in the queue, an expiry) may be lost with the
 * last moments of a crashed database, and are then made again: the task is taken up again, and its
 * end recorded once. Waiting for the disk only where it matters is what the database's own
 * settings cannot say per change.
 */
public interface CommitDurability {

    /** Every commit is durable when it returns, and nothing needs doing (a database's default). */
    CommitDurability EVERY_COMMIT = new CommitDurability() {
    };

    /**
     * Called first in a transaction of changes that can be made again: may let its commit return
     * before they reach the disk.
     */
    default void relax(JdbcTemplate jdbc) {
    }

    /** Called once a change a client is about to be told of has committed: makes it durable. */
    default void force() {
    }
}
