package io.predictionbatch.app.job;

import io.predictionbatch.app.input.InputRecord;
import io.predictionbatch.app.output.PredictionRow;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps a partition's execution context as of its last committed chunk, and puts it back when a
 * chunk's transaction does not commit.
 *
 * <p>Why: a chunk step saves its readers' and writers' positions into the execution context
 * before the chunk's transaction commits. When the commit itself fails (the database went away),
 * the context is left holding the positions of a chunk that was never committed, and the step
 * stores that context as it records its failure: restarted from there, the partition would skip
 * the lost chunk's records. This listener copies the context after each commit and, when a
 * transaction ends any other way, puts the copy back before the step records anything.
 */
final class CommittedContext implements ChunkListener<InputRecord, PredictionRow> {

    private final StepExecution partition;
    private volatile ExecutionContext committed;

    CommittedContext(StepExecution partition) {
        this.partition = partition;
        this.committed = new ExecutionContext(partition.getExecutionContext());
    }

    @Override
    public void beforeChunk(Chunk<InputRecord> chunk) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    committed = new ExecutionContext(partition.getExecutionContext());
                } else {
                    partition.setExecutionContext(new ExecutionContext(committed));
                }
            }
        });
    }
}
