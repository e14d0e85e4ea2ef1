package io.predictionbatch.app.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class TaskWaitersTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final TaskWaiters waiters = new TaskWaiters(meters);

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
    void waitsThatRunOutStartNoThreadEach() throws Exception {
        waiters.await(UUID.randomUUID(), Duration.ofMillis(1)).get(1, TimeUnit.SECONDS);  // the JDK's delay thread
        long started = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount();

        for (int i = 0; i < 50; i++) {
            assertThat(waiters.await(UUID.randomUUID(), Duration.ofMillis(1)).get(1, TimeUnit.SECONDS)).isNull();
        }

        assertThat(ManagementFactory.getThreadMXBean().getTotalStartedThreadCount() - started)
                .as("threads started by 50 waits that ran out").isLessThan(5);
    }

    @Test
    void aTaskAcceptedHereIsUnendedUntilItsEndIsAnnounced() {
        Task task = ended(UUID.randomUUID());
        waiters.accepted(task.id());
        assertThat(waiters.isUnended(task.id())).isTrue();
        assertThat(waiters.isUnended(UUID.randomUUID())).as("accepted elsewhere").isFalse();

        waiters.complete(List.of(task));

        assertThat(waiters.isUnended(task.id())).isFalse();
    }

    @Test
    void whatIsKnownOfUnendedTasksIsBounded() {
        for (int i = 0; i <= TaskWaiters.MAX_UNENDED; i++) {
            waiters.accepted(UUID.randomUUID());
        }
        UUID last = UUID.randomUUID();
        waiters.accepted(last);

        assertThat(waiters.isUnended(last)).isTrue();
        assertThat(waiters.unendedTasks()).isLessThanOrEqualTo(TaskWaiters.MAX_UNENDED);
    }

    @Test
    void anAnnouncementForAnotherTaskWakesNobody() {
        CompletableFuture<Task> waiter = waiters.await(UUID.randomUUID(), Duration.ofMinutes(1));

        waiters.complete(List.of(ended(UUID.randomUUID())));

        assertThat(waiter).isNotDone();
    }

    @Test
    void theRoundTripOfEveryTaskThatRanIsMeasuredPerModelWhetherOrNotAnyoneWaits() {
        Instant submitted = Instant.parse("2026-11-27T10:00:00Z");
        Task succeeded = new Task(UUID.randomUUID(), "iris_model", "1", TaskState.SUCCEEDED, "{}", "{}", null,
                List.of(), submitted, submitted, submitted.plusMillis(3), 1, "w");
        Task failed = new Task(UUID.randomUUID(), "iris_model", "1", TaskState.FAILED, "{}", null, "bad", List.of(),
                submitted, submitted, submitted.plusMillis(5), 1, "w");
        Task cancelled = new Task(UUID.randomUUID(), "text_stats", "1", TaskState.CANCELLED, "{}", null, null,
                List.of(), submitted, null, submitted.plusMillis(7), 0, null);

        waiters.complete(List.of(succeeded, failed, cancelled));

        var latency = meters.get("prediction.task.latency").tag("model", "iris_model").timer();
        assertThat(latency.count()).isEqualTo(2);
        assertThat(latency.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(8);
        assertThat(meters.find("prediction.task.latency").tag("model", "text_stats").timer())
                .as("a cancelled task never ran").isNull();
    }

    private static Task ended(UUID id) {
        Instant now = Instant.now();
        return new Task(id, "iris_model", "1", TaskState.SUCCEEDED, "{}", "{\"species\":\"setosa\"}", null, List.of(),
                now, now, now, 1, "w");
    }
}
