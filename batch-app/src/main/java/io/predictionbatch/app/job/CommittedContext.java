package io.predictionbatch.app.job;

import java.util.List;

import io.predictionbatch.app.input.InputRecord;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps a partition's execution context, version and record counts as of its last committed
 * chunk, and puts them back when a chunk's transaction does not commit.
 *
 * <p>Why: a chunk step saves its readers' and writers' positions into the execution context, and
 * the step execution into the job repository (which raises its version), inside the chunk's
 * transaction. When the commit itself fails (the database went away; the part file's buffer
 * could not be written because the disk is full), the context is left holding the positions of a
 * chunk that was never committed, the version one ahead of the row's, and the counts that {@link
 * PredictedBlockWriter} added for the chunk's records. The step would store
 * that context as it records its failure (restarted from there, the partition would skip the
 * lost chunk's records), or fail to record it at all on the version, leaving the partition
 * {@code STARTED} and the job {@code UNKNOWN}, which cannot be restarted. This listener copies
 * them as each chunk's transaction begins and, when it ends other than committed, puts them back
 * before the step records anything.
 */
final class CommittedContext implements ChunkListener<List<InputRecord>, PredictedBlock> {

    private final StepExecution partition;

    CommittedContext(StepExecution partition) {
        this.partition = partition;
    }

    /**
     * Called in the chunk's transaction before anything of the chunk is saved: the context and
     * version are then those of the last commit (or of the run's start, its first chunk included).
     */
    @Override
    public void beforeChunk(Chunk<List<InputRecord>> chunk) {
        ExecutionContext committed = new ExecutionContext(partition.getExecutionContext());
        Integer committedVersion = partition.getVersion();
        long read = partition.getReadCount();
        long written = partition.getWriteCount();
        long rejected = partition.getProcessSkipCount();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    partition.setExecutionContext(committed);
                    partition.setVersion(committedVersion);
                    partition.setReadCount(read);
                    partition.setWriteCount(written);
                    partition.setProcessSkipCount(rejected);
                }
            }
        });
    }
}
