package io.predictionbatch.app.partition.redis;

import java.time.Duration;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Heartbeats of running partitions: a Redis key per step execution that the worker running it
 * renews and that expires when the worker dies. A key that expired, together with no chunk
 * committed for as long, tells the manager the partition is lost.
 */
public final class PartitionHeartbeats {

    private static final String PREFIX = "prediction-batch:heartbeat:";

    private final StringRedisTemplate redis;
    private final Duration timeToLive;

    public PartitionHeartbeats(StringRedisTemplate redis, Duration timeToLive) {
        this.redis = redis;
        this.timeToLive = timeToLive;
    }

    void beat(long stepExecutionId, String worker) {
        redis.opsForValue().set(PREFIX + stepExecutionId, worker, timeToLive);
    }

    /** The worker beating for this partition, or {@code null} if none is. */
    String worker(long stepExecutionId) {
        return redis.opsForValue().get(PREFIX + stepExecutionId);
    }

    void clear(long stepExecutionId) {
        redis.delete(PREFIX + stepExecutionId);
    }
}
