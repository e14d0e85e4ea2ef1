package io.predictionbatch.app.task.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.predictionbatch.app.task.Task;
import io.predictionbatch.app.task.TaskState;
import io.predictionbatch.app.task.TaskWaiters;
import io.predictionbatch.model.FieldViolation;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.DefaultMessage;
import tools.jackson.databind.json.JsonMapper;

class RedisTaskEventsTest {

    private final TaskWaiters waiters = new TaskWaiters(new SimpleMeterRegistry());

    @Test
    void anAnnouncementWakesTheWaiterWithTheTaskAsRecorded() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Task failed = new Task(UUID.randomUUID(), "iris_model", "1.0", TaskState.FAILED, "{\"petal_width\":\"abc\"}",
                null, "petal_width: 'abc' is not a number", List.of(new FieldViolation("petal_width", "abc",
                        "is not a number")), now, now, now, 2, "host:42");
        CompletableFuture<Task> waiter = waiters.await(failed.id(), Duration.ofMinutes(1));

        RedisTaskEvents.listener(waiters).onMessage(message(JsonMapper.builder().build().writeValueAsString(
                List.of(failed))), null);

        assertThat(waiter.get(1, TimeUnit.SECONDS)).isEqualTo(failed);
    }

    @Test
    void anAnnouncementThisServerCannotReadIsIgnoredAndTheWaiterReadsWhenItsWaitRunsOut() {
        UUID id = UUID.randomUUID();
        CompletableFuture<Task> waiter = waiters.await(id, Duration.ofMinutes(1));

        RedisTaskEvents.listener(waiters).onMessage(message(id.toString()), null);

        assertThat(waiter).isNotDone();
    }

    private static DefaultMessage message(String body) {
        return new DefaultMessage("c".getBytes(StandardCharsets.UTF_8), body.getBytes(StandardCharsets.UTF_8));
    }
}
