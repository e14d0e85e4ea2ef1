package io.predictionbatch.app.task.redis;

import java.util.Collection;
import java.util.List;

import io.predictionbatch.app.task.Task;
import io.predictionbatch.app.task.TaskEvents;
import io.predictionbatch.app.task.TaskWaiters;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Distributed mode: workers announce finished tasks on a Redis channel (the tasks as recorded, a
 * JSON array, a batch per message); every server listening wakes its waiters, which answer with
 * the announced tasks without reading them again. A lost announcement costs only latency: a long
 * poll reads the task's state when its wait runs out.
 */
public final class RedisTaskEvents implements TaskEvents {

    private static final Log log = LogFactory.getLog(RedisTaskEvents.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Task>> TASKS = new TypeReference<>() {
    };

    private final StringRedisTemplate redis;
    private final String channel;

    public RedisTaskEvents(StringRedisTemplate redis, String channel) {
        this.redis = redis;
        this.channel = channel;
    }

    @Override
    public void finished(Collection<Task> tasks) {
        if (tasks.isEmpty()) {
            return;
        }
        try {
            redis.convertAndSend(channel, JSON.writeValueAsString(tasks));
        } catch (RuntimeException e) {
            log.warn("Cannot announce " + tasks.size() + " finished tasks on Redis (" + e + "); waiters read them"
                    + " when their wait runs out");
        }
    }

    /** The server's end: wakes the waiters of the tasks announced. */
    public static MessageListener listener(TaskWaiters waiters) {
        return (Message message, byte[] pattern) -> {
            try {
                waiters.complete(JSON.readValue(message.getBody(), TASKS));
            } catch (RuntimeException e) {
                // From another version of the application, say: its waiters read the tasks when their wait runs out.
                log.warn("Ignored an announcement of finished tasks that this server cannot read: " + e);
            }
        };
    }
}
