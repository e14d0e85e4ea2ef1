package io.predictionbatch.app.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class TaskWaitersTest {

    private final TaskWaiters waiters = new TaskWaiters();

    @Test
    void everyWaiterOfATaskWakesWhenItsEndIsAnnounced() throws Exception {
        Task ended = ended(UUID.randomUUID());
        CompletableFuture<Task> first = waiters.await(ended.id(), Duration.ofMinutes(1));
        CompletableFuture<Task> second = waiters.await(ended.id(), Duration.ofMinutes(1));

        waiters.complete(List.of(ended));

        assertThat(first.get(1, TimeUnit.SECONDS)).isSameAs(ended);
        assertThat(second.get(1, TimeUnit.SECONDS)).isSameAs(ended);
        assertThat(waiters.awaitedTasks()).isZero();
    }

    @Test
    void aWaiterWhoseWaitRunsOutIsForgotten() throws Exception {
        UUID id = UUID.randomUUID();

        assertThat(waiters.await(id, Duration.ofMillis(20)).get(1, TimeUnit.SECONDS)).isNull();

        assertThat(waiters.awaitedTasks()).isZero();
    }

    @Test
    void anAnnouncementForAnotherTaskWakesNobody() {
        CompletableFuture<Task> waiter = waiters.await(UUID.randomUUID(), Duration.ofMinutes(1));

        waiters.complete(List.of(ended(UUID.randomUUID())));

        assertThat(waiter).isNotDone();
    }

    private static Task ended(UUID id) {
        Instant now = Instant.now();
        return new Task(id, "iris_model", "1", TaskState.SUCCEEDED, "{}", "{\"species\":\"setosa\"}", null, List.of(),
                now, now, now, 1, "w");
    }
}
