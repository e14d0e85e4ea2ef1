package io.predictionbatch.app.partition.redis;

import static io.predictionbatch.app.partition.redis.PartitionDecision.Action.DONE;
import static io.predictionbatch.app.partition.redis.PartitionDecision.Action.RERUN;
import static io.predictionbatch.app.partition.redis.PartitionDecision.Action.RESEND_IF_LOST;
import static io.predictionbatch.app.partition.redis.PartitionDecision.Action.STOP;
import static io.predictionbatch.app.partition.redis.PartitionDecision.Action.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.batch.core.BatchStatus.COMPLETED;
import static org.springframework.batch.core.BatchStatus.FAILED;
import static org.springframework.batch.core.BatchStatus.STARTED;
import static org.springframework.batch.core.BatchStatus.STARTING;
import static org.springframework.batch.core.BatchStatus.STOPPED;

import io.predictionbatch.app.partition.redis.PartitionDecision.Action;
import io.predictionbatch.app.partition.redis.PartitionDecision.Facts;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;

/** Every case of following a remote partition, without Redis or a database. */
class PartitionDecisionTest {

    /** A partition in this state, its worker beating, not quiet, the job running, nothing marked. */
    private static Facts facts(BatchStatus status) {
        return new Facts(status, status.name(), true, true, false, false, false, 0);
    }

    private static Facts with(Facts f, boolean beating, boolean taken, boolean quiet, boolean jobStopping) {
        return new Facts(f.status(), f.exitCode(), beating, taken, quiet, jobStopping, f.markedForRerun(),
                f.transientReruns());
    }

    private static Action decide(Facts facts) {
        return PartitionDecision.decide(facts, 30).action();
    }

    @Test
    void waitsForARunningPartitionWhileItsWorkerBeatsOrItCommits() {
        assertThat(decide(facts(STARTED))).isEqualTo(WAIT);
        assertThat(decide(with(facts(STARTED), false, true, false, false))).as("committed lately").isEqualTo(WAIT);
        assertThat(decide(with(facts(STARTING), false, false, false, false))).as("just sent").isEqualTo(WAIT);
    }

    @Test
    void runsAPartitionAgainWhenItsWorkerIsLost() {
        PartitionDecision decision = PartitionDecision.decide(with(facts(STARTED), false, true, true, false), 30);
        assertThat(decision.action()).isEqualTo(RERUN);
        assertThat(decision.reason()).contains("lost its worker: no heartbeat and no commit for 30 s");
    }

    @Test
    void sendsARequestAgainThatNoWorkerTookWhenRedisLostIt() {
        assertThat(decide(with(facts(STARTING), false, false, true, false))).isEqualTo(RESEND_IF_LOST);
        // Taken (claimed, or its heartbeat seen), then silent: lost with its worker.
        assertThat(decide(with(facts(STARTING), false, true, true, false))).isEqualTo(RERUN);
    }

    @Test
    void isDoneWithAnEndedPartitionOnceItsWorkerLetsGo() {
        assertThat(decide(facts(COMPLETED))).as("worker still recording").isEqualTo(WAIT);
        assertThat(decide(with(facts(COMPLETED), false, true, false, false))).isEqualTo(DONE);
        assertThat(decide(with(facts(FAILED), false, true, false, false))).isEqualTo(DONE);
    }

    @Test
    void runsAgainAPartitionHandedBackByAStoppingWorkerButNotOneStoppedWithTheJob() {
        assertThat(decide(with(facts(STOPPED), false, true, false, false))).isEqualTo(RERUN);
        assertThat(decide(with(facts(STOPPED), false, true, false, true))).isEqualTo(DONE);
    }

    @Test
    void runsAgainAPartitionThatFailedOnUnreachableInfrastructureUpToALimit() {
        Facts transientFailure = new Facts(FAILED, TransientFailures.EXIT_CODE, false, true, false, false, false, 0);
        assertThat(decide(transientFailure)).isEqualTo(RERUN);
        Facts again = new Facts(FAILED, TransientFailures.EXIT_CODE, false, true, false, false, false,
                PartitionDecision.MAX_TRANSIENT_RERUNS);
        assertThat(decide(again)).isEqualTo(DONE);
        Facts whileStopping = new Facts(FAILED, TransientFailures.EXIT_CODE, false, true, false, true, false, 0);
        assertThat(decide(whileStopping)).isEqualTo(DONE);
    }

    @Test
    void stopsWhatNothingRunsWhenTheJobIsStopping() {
        assertThat(decide(with(facts(STARTING), false, false, true, true))).as("never taken").isEqualTo(STOP);
        assertThat(decide(with(facts(STARTED), false, true, true, true))).as("worker lost").isEqualTo(STOP);
        assertThat(decide(with(facts(STARTED), true, true, false, true))).as("its worker stops it").isEqualTo(WAIT);
    }

    @Test
    void finishesARerunItStartedFirst() {
        Facts marked = new Facts(FAILED, "FAILED", false, true, false, false, true, 0);
        assertThat(PartitionDecision.decide(marked, 30)).isEqualTo(new PartitionDecision(RERUN,
                "its run again was interrupted"));
    }
}
