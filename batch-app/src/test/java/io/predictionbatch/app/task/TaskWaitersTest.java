package io.predictionbatch.app.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class TaskWaitersTest {

    private final TaskWaiters waiters = new TaskWaiters();

    @Test
    void everyWaiterOfATaskWakesWhenItsEndIsAnnounced() throws Exception {
        UUID id = UUID.randomUUID();
        CompletableFuture<Void> first = waiters.await(id, Duration.ofMinutes(1));
        CompletableFuture<Void> second = waiters.await(id, Duration.ofMinutes(1));

        waiters.complete(List.of(id));

        first.get(1, TimeUnit.SECONDS);
        second.get(1, TimeUnit.SECONDS);
        assertThat(waiters.awaitedTasks()).isZero();
    }

    @Test
    void aWaiterWhoseWaitRunsOutIsForgotten() throws Exception {
        UUID id = UUID.randomUUID();

        waiters.await(id, Duration.ofMillis(20)).get(1, TimeUnit.SECONDS);

        assertThat(waiters.awaitedTasks()).isZero();
    }

    @Test
    void anAnnouncementForAnotherTaskWakesNobody() {
        CompletableFuture<Void> waiter = waiters.await(UUID.randomUUID(), Duration.ofMinutes(1));

        waiters.complete(List.of(UUID.randomUUID()));

        assertThat(waiter).isNotDone();
    }
}
