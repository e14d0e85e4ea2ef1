package io.predictionbatch.app.partition.redis;

import org.springframework.batch.core.step.StepExecution;

/**
 * What travels on Redis for one partition: which step execution to run. JSON on the wire, never
 * Java serialization; everything else a worker needs is in the shared job repository.
 */
public record PartitionRequest(long stepExecutionId, String stepName) {

    static PartitionRequest of(StepExecution partition) {
        return new PartitionRequest(partition.getId(), partition.getStepName());
    }
}
