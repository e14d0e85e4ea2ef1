package io.predictionbatch.app.task.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.predictionbatch.app.task.TaskQueue;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Distributed mode: task ids on a Redis list, pushed by servers ({@code LPUSH}) and popped by
 * workers ({@code BRPOP}, then {@code RPOP} with a count for the rest of a batch). Each runner
 * thread keeps its own connection: a blocking pop holds its connection, and Lettuce gives a
 * connection object one dedicated link for blocking commands, kept while the object lives.
 */
public final class RedisTaskQueue implements TaskQueue {

    private final StringRedisTemplate redis;
    private final RedisConnectionFactory connectionFactory;
    private final String key;

    public RedisTaskQueue(StringRedisTemplate redis, RedisConnectionFactory connectionFactory, String key) {
        this.redis = redis;
        this.connectionFactory = connectionFactory;
        this.key = key;
    }

    @Override
    public void send(Collection<UUID> ids) {
        if (!ids.isEmpty()) {
            redis.opsForList().leftPushAll(key, ids.stream().map(UUID::toString).toList());
        }
    }

    /** {@code LPOS} tells whether the list still holds a task; one the list lost is pushed again. */
    @Override
    public void resendMissing(List<UUID> queued) {
        for (UUID id : queued) {
            if (redis.opsForList().indexOf(key, id.toString()) == null) {
                send(List.of(id));
            }
        }
    }

    @Override
    public Receiver receiver() {
        return new Receiver() {
            private final byte[] rawKey = key.getBytes(StandardCharsets.UTF_8);
            private RedisConnection connection;

            @Override
            public List<UUID> receive(int max, Duration wait) {
                if (connection == null || connection.isClosed()) {
                    connection = connectionFactory.getConnection();
                }
                try {
                    List<byte[]> popped = connection.listCommands().bRPop(Math.max(1, (int) wait.toSeconds()), rawKey);
                    if (popped == null || popped.size() < 2) {
                        return List.of();
                    }
                    List<UUID> ids = new ArrayList<>();
                    ids.add(id(popped.get(1)));
                    if (max > 1) {
                        List<byte[]> more = connection.listCommands().rPop(rawKey, max - 1);
                        if (more != null) {
                            more.forEach(raw -> ids.add(id(raw)));
                        }
                    }
                    return ids;
                } catch (RuntimeException e) {
                    close();  // a fresh connection next time
                    throw e;
                }
            }

            @Override
            public void close() {
                if (connection != null) {
                    connection.close();
                    connection = null;
                }
            }
        };
    }

    private static UUID id(byte[] raw) {
        return UUID.fromString(new String(raw, StandardCharsets.UTF_8));
    }
}
