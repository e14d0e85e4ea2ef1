package io.predictionbatch.app.durability;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How the job repository's database makes commits durable, by one rule: a change a client is told
 * of (a task's submission, its 202 Accepted, or its cancel) is on disk before the client hears of
 * it; a change that is made again if lost may be lost with the last moments of a crashed database.
 * Made again: a task's claim, end, return to the queue or expiry (the task is taken up again, its
 * end recorded once), and a partition's chunk commits (the partition resumes from the last chunk
 * the repository kept, its part file cut back to it; the rows of an output table go with their
 * chunk). Other commits, such as a partition's or a job's end, are as durable as the database
 * makes them. Waiting for the disk only where it matters is what the database's own settings
 * cannot say per change.
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
