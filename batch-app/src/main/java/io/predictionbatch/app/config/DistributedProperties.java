package io.predictionbatch.app.config;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of distributed mode ({@code prediction.distributed.*}).
 *
 * @param queue the Redis list partition requests are pushed to and workers pop from
 * @param heartbeatInterval how often a worker tells Redis it still runs a partition
 * @param workerTimeout how long a partition may go without heartbeat and without a committed
 *     chunk before the manager takes it as lost and runs it again on another worker; it must
 *     exceed the heartbeat interval by a safe margin
 * @param pollInterval how often the manager reads partition states from the job repository
 * @param workerConcurrency partitions one worker process runs at once
 * @param shutdownGrace how long a stopping worker waits for its partitions to hand back
 */
@Validated
@ConfigurationProperties("prediction.distributed")
public record DistributedProperties(
        @DefaultValue("prediction-batch:partition-requests") @NotBlank String queue,
        @DefaultValue("2s") Duration heartbeatInterval,
        @DefaultValue("10s") Duration workerTimeout,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("1") @Min(1) int workerConcurrency,
        @DefaultValue("30s") Duration shutdownGrace) {

    public DistributedProperties {
        if (workerTimeout.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("prediction.distributed.worker-timeout (" + workerTimeout
                    + ") must be at least twice the heartbeat interval (" + heartbeatInterval + ")");
        }
    }
}
