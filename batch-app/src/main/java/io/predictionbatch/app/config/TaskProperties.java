package io.predictionbatch.app.config;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of single-record tasks ({@code prediction.tasks.*}).
 *
 * @param concurrency runner threads of a process that runs tasks ({@code serve} in embedded mode,
 *     {@code worker} in distributed mode); 0 means one per core
 * @param batchSize most tasks a runner takes and records in one transaction when many are waiting
 * @param heartbeatInterval how often a runner claims the tasks it still runs and renews their
 *     heartbeat
 * @param workerTimeout how long a running task may go without heartbeat before it is taken as
 *     lost and queued again; at least twice the heartbeat interval
 * @param maxAttempts how many runs a task may lose to dead workers before it fails
 * @param resendAfter how long a task may stay queued before the server checks that the queue
 *     still holds it (a Redis restart may have lost it) and sends it again if not
 * @param retention how long finished tasks are kept before they are deleted
 * @param maxWait the longest long poll ({@code GET /api/tasks/{id}?wait=})
 * @param queue the Redis list of task ids (distributed mode)
 * @param channel the Redis channel on which workers announce finished tasks (distributed mode)
 */
@Validated
@ConfigurationProperties("prediction.tasks")
public record TaskProperties(
        @DefaultValue("0") @Min(0) int concurrency,
        @DefaultValue("64") @Min(1) int batchSize,
        @DefaultValue("2s") Duration heartbeatInterval,
        @DefaultValue("10s") Duration workerTimeout,
        @DefaultValue("3") @Min(1) int maxAttempts,
        @DefaultValue("30s") Duration resendAfter,
        @DefaultValue("24h") Duration retention,
        @DefaultValue("60s") Duration maxWait,
        @DefaultValue("prediction-batch:task-requests") @NotBlank String queue,
        @DefaultValue("prediction-batch:task-finished") @NotBlank String channel) {

    public TaskProperties {
        if (workerTimeout.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("prediction.tasks.worker-timeout (" + workerTimeout
                    + ") must be at least twice prediction.tasks.heartbeat-interval (" + heartbeatInterval + ")");
        }
    }

    public int effectiveConcurrency() {
        return concurrency > 0 ? concurrency : Runtime.getRuntime().availableProcessors();
    }
}
