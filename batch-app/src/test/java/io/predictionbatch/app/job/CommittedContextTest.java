package io.predictionbatch.app.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class CommittedContextTest {

    private final StepExecution partition = new StepExecution(3L, "predictPartition:p0000",
            new JobExecution(2L, new JobInstance(1L, "predictionJob"), new JobParameters()));

    @AfterEach
    void clearSynchronization() {
        TransactionSynchronizationManager.clear();
    }

    @Test
    void putsBackTheContextVersionAndCountsOfTheChunksStartWhenItsTransactionRollsBackEvenTheFirstChunks() {
        partition.setVersion(1); // saved STARTED by the step before its first chunk
        partition.getExecutionContext().putLong("reader.read.count", 0);
        CommittedContext committed = new CommittedContext(partition);

        endChunk(committed, TransactionSynchronization.STATUS_ROLLED_BACK, 5000);
        assertThat(partition.getVersion()).isEqualTo(1);
        assertThat(partition.getExecutionContext().getLong("reader.read.count")).isZero();
        assertThat(partition.getReadCount()).isZero();
        assertThat(partition.getWriteCount()).isZero();
        assertThat(partition.getProcessSkipCount()).isZero();

        endChunk(committed, TransactionSynchronization.STATUS_COMMITTED, 5000);
        endChunk(committed, TransactionSynchronization.STATUS_UNKNOWN, 10000);
        assertThat(partition.getVersion()).isEqualTo(2);
        assertThat(partition.getExecutionContext().getLong("reader.read.count")).isEqualTo(5000);
        assertThat(partition.getReadCount()).isEqualTo(5000);
        assertThat(partition.getWriteCount()).isEqualTo(4999);
        assertThat(partition.getProcessSkipCount()).isEqualTo(1);
    }

    /**
     * A chunk of 5,000 records, one rejected, that counts them, saves its reader's position and the step
     * (raising its version), then ends with the status.
     */
    private void endChunk(CommittedContext committed, int status, long readCount) {
        TransactionSynchronizationManager.initSynchronization();
        committed.beforeChunk(new Chunk<>());
        partition.setReadCount(partition.getReadCount() + 5000);
        partition.setWriteCount(partition.getWriteCount() + 4999);
        partition.setProcessSkipCount(partition.getProcessSkipCount() + 1);
        partition.getExecutionContext().putLong("reader.read.count", readCount);
        partition.incrementVersion();
        TransactionSynchronizationManager.getSynchronizations().forEach(sync -> sync.afterCompletion(status));
        TransactionSynchronizationManager.clearSynchronization();
    }
}
