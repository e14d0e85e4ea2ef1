package io.predictionbatch.app.task.redis;

import java.util.Arrays;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;

import io.predictionbatch.app.task.TaskEvents;
import io.predictionbatch.app.task.TaskWaiters;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Distributed mode: workers announce finished tasks on a Redis channel (ids, comma-separated, a
 * batch per message); every server listening wakes its waiters. A lost announcement costs only
 * latency: a long poll reads the task's state when its wait runs out.
 */
public final class RedisTaskEvents implements TaskEvents {

    private static final Log log = LogFactory.getLog(RedisTaskEvents.class);

    private final StringRedisTemplate redis;
    private final String channel;

    public RedisTaskEvents(StringRedisTemplate redis, String channel) {
        this.redis = redis;
        this.channel = channel;
    }

    @Override
    public void finished(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try {
            redis.convertAndSend(channel, ids.stream().map(UUID::toString).collect(Collectors.joining(",")));
        } catch (RuntimeException e) {
            log.warn("Cannot announce " + ids.size() + " finished tasks on Redis (" + e + "); waiters read them"
                    + " when their wait runs out");
        }
    }

    /** The server's end: wakes the waiters of the tasks announced. */
    public static MessageListener listener(TaskWaiters waiters) {
        return (Message message, byte[] pattern) -> waiters.complete(Arrays.stream(
                new String(message.getBody(), java.nio.charset.StandardCharsets.UTF_8).split(","))
                .map(UUID::fromString).toList());
    }
}
