package io.predictionbatch.app.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.predictionbatch.app.config.ProcessName;
import io.predictionbatch.app.testdb.RepositorySchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;

class PartitionRunsTest {

    private final PartitionRuns runs = new PartitionRuns(new JdbcTemplate(RepositorySchema.inMemory()));
    private final ExecutorService otherWorker = Executors.newSingleThreadExecutor(r -> new Thread(r, "other-worker"));

    @AfterEach
    void stopOtherWorker() {
        otherWorker.shutdownNow();
    }

    @Test
    void theFirstRunnerToClaimAPartitionRunsItAndAnotherIsRefused() throws Exception {
        StepExecution partition = partition(7);

        assertThat(runs.claim(partition)).isTrue();
        assertThat(CompletableFuture.supplyAsync(() -> runs.claim(partition), otherWorker).get()).isFalse();

        String here = ProcessName.current() + " " + Thread.currentThread().getName();
        assertThat(runs.runner(7)).contains(here);
    }

    @Test
    void aRunnerMayClaimWhatItClaimedAlready() {
        // A worker claims a request before it runs the step, and the step claims it again as in embedded mode.
        StepExecution partition = partition(8);
        assertThat(runs.claim(partition)).isTrue();
        assertThat(runs.claim(partition)).isTrue();
    }

    @Test
    void aWithheldPartitionCannotBeClaimedAndOneClaimedCannotBeWithheld() {
        StepExecution stopped = partition(10);
        assertThat(runs.withhold(stopped)).isTrue();
        assertThat(runs.claim(stopped)).isFalse();
        assertThat(runs.runner(10)).contains(PartitionRuns.NOBODY);

        StepExecution taken = partition(11);
        assertThat(runs.claim(taken)).isTrue();
        assertThat(runs.withhold(taken)).isFalse();
    }

    @Test
    void aPartitionNobodyClaimedHasNoRunner() {
        assertThat(runs.runner(9)).isEmpty();
    }

    private static StepExecution partition(long id) {
        JobExecution job = new JobExecution(1L, new JobInstance(1L, "predictionJob"), new JobParameters());
        return new StepExecution(id, "predictPartition:p0001", job);
    }
}
