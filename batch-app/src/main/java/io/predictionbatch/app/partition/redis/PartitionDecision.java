package io.predictionbatch.app.partition.redis;

import org.springframework.batch.core.BatchStatus;

/**
 * What the manager does with one remote partition now, decided from what it knows of it: a pure
 * function, so that every case of recovery and stopping is tested without Redis or a database.
 * {@link RemotePartitionHandler} gathers the facts and carries out the decision.
 *
 * @param action what to do
 * @param reason why, for the log and for the partition's record when it is run again or stopped
 */
record PartitionDecision(Action action, String reason) {

    enum Action {
        /** Running, or recording its end: look again at the next poll. */
        WAIT,
        /** Ended for good (completed, failed, stopped with the job): stop following it. */
        DONE,
        /** No worker ever took it and it is quiet: send its request again if Redis lost it. */
        RESEND_IF_LOST,
        /** End this execution and run the partition again from its last commit, as a new one. */
        RERUN,
        /** The job is stopping and nothing runs the partition: mark it STOPPED for a restart to resume. */
        STOP
    }

    /** Up to how many times a partition that failed on unreachable infrastructure is run again. */
    static final int MAX_TRANSIENT_RERUNS = 3;

    /**
     * What is known of a partition at one poll.
     *
     * @param status its execution's status in the job repository
     * @param exitCode its execution's exit code
     * @param beating its worker's heartbeat is there (read before the status)
     * @param taken a worker took this execution: it claimed it (see {@code PartitionRuns}) or beat for it
     * @param quiet no heartbeat, no commit and no claim for the worker timeout
     * @param jobStopping the job was asked to stop
     * @param markedForRerun this manager ended the execution to run it again, and has not yet
     * @param transientReruns how often the partition was already run again after a transient failure
     */
    record Facts(BatchStatus status, String exitCode, boolean beating, boolean taken, boolean quiet,
            boolean jobStopping, boolean markedForRerun, int transientReruns) {

        boolean failedTransiently() {
            return status == BatchStatus.FAILED && TransientFailures.EXIT_CODE.equals(exitCode);
        }
    }

    static PartitionDecision decide(Facts facts, long workerTimeoutSeconds) {
        if (facts.markedForRerun()) {
            // Ended by this manager, but its replacement could not be made: make it now.
            return new PartitionDecision(Action.RERUN, "its run again was interrupted");
        }
        if (!facts.status().isRunning()) {
            return ended(facts);
        }
        if (facts.beating() || !facts.quiet()) {
            return wait("running");
        }
        if (facts.status() == BatchStatus.STARTING && !facts.taken()) {
            return facts.jobStopping()
                    ? new PartitionDecision(Action.STOP, "the job stopped before a worker took the partition")
                    : new PartitionDecision(Action.RESEND_IF_LOST, "no worker took the partition");
        }
        String lost = "it lost its worker: no heartbeat and no commit for " + workerTimeoutSeconds + " s";
        return facts.jobStopping() ? new PartitionDecision(Action.STOP, lost + " while the job was stopping")
                : new PartitionDecision(Action.RERUN, lost);
    }

    private static PartitionDecision ended(Facts facts) {
        if (facts.beating()) {
            return wait("its worker is still recording how it ended");
        }
        if (facts.status() == BatchStatus.STOPPED && !facts.jobStopping()) {
            return new PartitionDecision(Action.RERUN, "handed back by a stopping worker");
        }
        if (facts.failedTransiently() && facts.transientReruns() < MAX_TRANSIENT_RERUNS && !facts.jobStopping()) {
            return new PartitionDecision(Action.RERUN, "the database or Redis was unreachable");
        }
        return new PartitionDecision(Action.DONE, "ended " + facts.status());
    }

    private static PartitionDecision wait(String reason) {
        return new PartitionDecision(Action.WAIT, reason);
    }
}
