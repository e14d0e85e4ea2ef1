package io.predictionbatch.app.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class LostTaskRecoveryTest {

    private final TaskTables tables = new TaskTables();
    private final LocalTaskQueue queue = new LocalTaskQueue();
    private final List<Task> announced = new ArrayList<>();
    private final LostTaskRecovery recovery = new LostTaskRecovery(tables.store, queue, announced::addAll,
            TaskRunnerTest.properties());

    @Test
    void aTaskWhoseWorkerWentSilentIsQueuedAgainAndSent() throws InterruptedException {
        Task task = tables.submit("iris_model", "{}");
        tables.claim("dead-worker", task.id());
        tables.silence(task.id(), 5);

        recovery.recover(Instant.now().minusSeconds(30));

        Task requeued = tables.task(task.id());
        assertThat(requeued.state()).isEqualTo(TaskState.QUEUED);
        assertThat(requeued.worker()).isNull();
        assertThat(requeued.attempts()).isEqualTo(1);
        assertThat(received()).containsExactly(task.id());
    }

    @Test
    void aTaskWhoseWorkerIsAliveIsLeftAlone() throws InterruptedException {
        Task task = tables.submit("iris_model", "{}");
        tables.claim("live-worker", task.id());

        recovery.recover(Instant.now().minusSeconds(30));

        assertThat(tables.task(task.id()).state()).isEqualTo(TaskState.RUNNING);
        assertThat(received()).isEmpty();
    }

    @Test
    void aTaskThatLostItsWorkerAsOftenAsAllowedFailsSayingSo() throws InterruptedException {
        Task task = tables.submit("iris_model", "{}");
        for (int attempt = 1; attempt <= 3; attempt++) {
            tables.claim("worker-" + attempt, task.id());
            tables.silence(task.id(), 5);
            recovery.recover(Instant.now().minusSeconds(30));
        }

        Task failed = tables.task(task.id());
        assertThat(failed.state()).isEqualTo(TaskState.FAILED);
        assertThat(failed.errorMessage()).contains("lost 3 times");
        assertThat(announced).as("announced as recorded").containsExactly(failed);
    }

    @Test
    void queuedTasksOlderThanTheCutoffThatTheQueueLostAreSentAgainOnce() throws InterruptedException {
        Task lost = tables.submit("iris_model", "{}");
        Task stillQueued = tables.submit("iris_model", "{}");
        queue.send(List.of(stillQueued.id()));

        recovery.recover(Instant.now().plusSeconds(1));

        assertThat(received()).containsExactlyInAnyOrder(lost.id(), stillQueued.id());
    }

    @Test
    void recentQueuedTasksAreNotResent() throws InterruptedException {
        tables.submit("iris_model", "{}");

        recovery.recover(Instant.now().minus(Duration.ofSeconds(30)));

        assertThat(received()).isEmpty();
    }

    private List<UUID> received() throws InterruptedException {
        try (TaskQueue.Receiver receiver = queue.receiver()) {
            return receiver.receive(100, Duration.ofMillis(10));
        }
    }
}
