package io.predictionbatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.predictionbatch.app.partition.PartitionNames;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

class JobFollowerTest {

    private final JobExecution job = new JobExecution(1, new JobInstance(1, "prediction"), new JobParameters());

    @Test
    void aPartitionThatFailedAndWasRunAgainIsNotTheReasonTheJobFailed() {
        step(11, PartitionNames.stepName(0), BatchStatus.FAILED, "On worker a: database unreachable");
        step(12, PartitionNames.stepName(1), BatchStatus.COMPLETED, "");
        step(13, PartitionNames.stepName(0), BatchStatus.FAILED, "On worker b: the disk is full");
        job.setExitStatus(ExitStatus.FAILED.addExitDescription("the job's own reason"));

        assertThat(JobFollower.failureReason(job)).isEqualTo(PartitionNames.stepName(0) + ": On worker b: the disk is full");
    }

    @Test
    void whenEveryPartitionsLatestRunCompletedTheJobsOwnReasonIsGiven() {
        step(11, PartitionNames.stepName(0), BatchStatus.FAILED, "On worker a: database unreachable");
        step(12, PartitionNames.stepName(0), BatchStatus.COMPLETED, "");
        job.setExitStatus(ExitStatus.FAILED.addExitDescription("Partition p0000 was given 10 records but committed 9"));

        assertThat(JobFollower.failureReason(job)).contains("was given 10 records but committed 9")
                .doesNotContain("database unreachable");
    }

    private void step(long id, String name, BatchStatus status, String description) {
        StepExecution step = new StepExecution(id, name, job);
        step.setStatus(status);
        step.setExitStatus(new ExitStatus(status.name(), description));
        job.addStepExecution(step);
    }
}
