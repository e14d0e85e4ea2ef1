package io.predictionbatch.app.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.predictionbatch.app.durability.CommitDurability;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;

class TaskIntakeTest {

    private final TaskTables tables = new TaskTables();
    private final LocalTaskQueue queue = new LocalTaskQueue();

    @Test
    void everyTaskSubmittedAtOnceIsRecordedAndQueuedOnceInFewerStatementsThanTasks() throws Exception {
        List<Integer> groupSizes = new CopyOnWriteArrayList<>();
        TaskStore countingStore = new TaskStore(tables.jdbc, CommitDurability.EVERY_COMMIT) {
            @Override
            void insert(List<Task> tasks) {
                groupSizes.add(tasks.size());
                super.insert(tasks);
            }
        };
        TaskIntake intake = new TaskIntake(countingStore, queue);
        ExecutorService submitters = Executors.newFixedThreadPool(16);
        List<Future<UUID>> submitted = new ArrayList<>();
        try {
            for (int i = 0; i < 2000; i++) {
                submitted.add(submitters.submit(() -> {
                    Task task = Task.queued(UUID.randomUUID(), "iris_model", "1", "{}", TaskStore.now());
                    intake.accept(task);
                    return task.id();
                }));
            }
            List<UUID> ids = new ArrayList<>();
            for (Future<UUID> id : submitted) {
                ids.add(id.get());
            }

            assertThat(tables.jdbc.queryForObject("SELECT COUNT(*) FROM prediction_task", Integer.class))
                    .isEqualTo(2000);
            assertThat(received()).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(groupSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(2000);
            assertThat(groupSizes).as("groups of submissions made while another was written").hasSizeLessThan(2000)
                    .allSatisfy(size -> assertThat(size).isBetween(1, TaskIntake.MAX_GROUP));
        } finally {
            submitters.shutdownNow();
        }
    }

    @Test
    void aSubmitterLearnsThatItsTaskWasNotRecordedAndNothingIsQueued() {
        TaskIntake intake = new TaskIntake(tables.store, queue);
        tables.jdbc.execute("DROP TABLE prediction_task CASCADE");

        assertThatThrownBy(() -> intake.accept(Task.queued(UUID.randomUUID(), "iris_model", "1", "{}",
                TaskStore.now()))).isInstanceOf(DataAccessException.class);
        assertThat(receivedQuietly()).isEmpty();
    }

    @Test
    void aTaskTheQueueCannotTakeIsStillAcceptedForRecoveryToSend() {
        TaskQueue away = new TaskQueue() {
            @Override
            public void send(Collection<UUID> ids) {
                throw new IllegalStateException("queue away");
            }

            @Override
            public void resendMissing(List<UUID> queued) {
            }

            @Override
            public Receiver receiver() {
                throw new UnsupportedOperationException();
            }
        };
        Task task = Task.queued(UUID.randomUUID(), "iris_model", "1", "{}", TaskStore.now());

        new TaskIntake(tables.store, away).accept(task);

        assertThat(tables.task(task.id())).isEqualTo(task);
    }

    private List<UUID> received() throws InterruptedException {
        List<UUID> ids = new ArrayList<>();
        try (TaskQueue.Receiver receiver = queue.receiver()) {
            List<UUID> batch;
            while (!(batch = receiver.receive(500, Duration.ofMillis(10))).isEmpty()) {
                ids.addAll(batch);
            }
        }
        return ids;
    }

    private List<UUID> receivedQuietly() {
        try {
            return received();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
