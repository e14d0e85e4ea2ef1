package io.predictionbatch.app.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.predictionbatch.model.FieldViolation;
import org.junit.jupiter.api.Test;

class TaskStoreTest {

    private final TaskTables tables = new TaskTables();
    private final TaskStore store = tables.store;

    @Test
    void aSubmittedTaskIsQueuedWithNoAttemptYet() {
        Task task = tables.submit("iris_model", "{\"a\":1}");

        Task stored = tables.task(task.id());
        assertThat(stored.state()).isEqualTo(TaskState.QUEUED);
        assertThat(stored.attempts()).isZero();
        assertThat(stored.input()).isEqualTo("{\"a\":1}");
        assertThat(stored.submittedAt()).isNotNull();
        assertThat(stored.startedAt()).isNull();
    }

    @Test
    void onlyOneClaimOfAQueuedTaskWins() {
        Task task = tables.submit("iris_model", "{}");

        List<ClaimedTask> first = store.claim(List.of(task.id()), "worker-a");
        List<ClaimedTask> second = store.claim(List.of(task.id()), "worker-b");

        assertThat(first).extracting(ClaimedTask::attempt).containsExactly(1);
        assertThat(second).isEmpty();
        Task running = tables.task(task.id());
        assertThat(running.state()).isEqualTo(TaskState.RUNNING);
        assertThat(running.worker()).isEqualTo("worker-a");
        assertThat(running.startedAt()).isNotNull();
    }

    @Test
    void aClaimSkipsTasksThatAreNotQueuedAndKeepsTheOthers() {
        Task cancelled = tables.submit("iris_model", "{}");
        Task queued = tables.submit("iris_model", "{\"x\":2}");
        store.cancel(cancelled.id());

        List<ClaimedTask> claimed = store.claim(List.of(cancelled.id(), queued.id(), UUID.randomUUID()), "w");

        assertThat(claimed).singleElement().satisfies(task -> {
            assertThat(task.id()).isEqualTo(queued.id());
            assertThat(task.input()).isEqualTo("{\"x\":2}");
            assertThat(task.model()).isEqualTo("iris_model");
        });
    }

    @Test
    void theOutcomeOfAnAttemptThatLostItsClaimIsNotRecorded() {
        Task task = tables.submit("iris_model", "{}");
        ClaimedTask firstRun = store.claim(List.of(task.id()), "worker-a").get(0);
        assertThat(store.requeue(firstRun)).isTrue();
        ClaimedTask secondRun = store.claim(List.of(task.id()), "worker-b").get(0);

        List<Task> late = store.finish(List.of(TaskOutcome.succeeded(firstRun, "{\"species\":\"late\"}")));
        List<Task> current = store.finish(List.of(TaskOutcome.succeeded(secondRun, "{\"species\":\"setosa\"}")));
        List<Task> again = store.finish(List.of(TaskOutcome.succeeded(secondRun, "{\"species\":\"twice\"}")));

        assertThat(late).isEmpty();
        assertThat(again).isEmpty();
        Task finished = tables.task(task.id());
        assertThat(current).as("the task as recorded").containsExactly(finished);
        assertThat(finished.state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(finished.result()).isEqualTo("{\"species\":\"setosa\"}");
        assertThat(finished.attempts()).isEqualTo(2);
        assertThat(finished.worker()).isEqualTo("worker-b");
        assertThat(finished.finishedAt()).isNotNull();
    }

    @Test
    void aFailureKeepsItsMessageAndViolations() {
        Task task = tables.submit("iris_model", "{}");
        ClaimedTask run = store.claim(List.of(task.id()), "w").get(0);
        List<FieldViolation> violations = List.of(new FieldViolation("petal_width", "abc", "is not a number"),
                new FieldViolation("sepal_length", null, "is missing"));

        store.finish(List.of(TaskOutcome.failed(run, "petal_width: 'abc' is not a number; sepal_length: is missing",
                violations)));

        Task failed = tables.task(task.id());
        assertThat(failed.state()).isEqualTo(TaskState.FAILED);
        assertThat(failed.violations()).isEqualTo(violations);
        assertThat(failed.errorMessage()).startsWith("petal_width");
        assertThat(failed.result()).isNull();
    }

    @Test
    void onlyAQueuedTaskCanBeCancelled() {
        Task queued = tables.submit("iris_model", "{}");
        Task running = tables.submit("iris_model", "{}");
        store.claim(List.of(running.id()), "w");

        assertThat(store.cancel(queued.id())).isTrue();
        assertThat(store.cancel(queued.id())).isFalse();
        assertThat(store.cancel(running.id())).isFalse();
        assertThat(store.cancel(UUID.randomUUID())).isFalse();
        assertThat(tables.task(queued.id()).state()).isEqualTo(TaskState.CANCELLED);
        assertThat(tables.task(queued.id()).finishedAt()).isNotNull();
        assertThat(store.claim(List.of(queued.id()), "w")).isEmpty();
    }

    @Test
    void aRunningTaskIsSilentOnlyOnceItsHeartbeatIsOlderThanTheTimeout() {
        Task fresh = tables.submit("iris_model", "{}");
        Task stale = tables.submit("iris_model", "{}");
        store.claim(List.of(fresh.id(), stale.id()), "w");
        tables.silence(stale.id(), 60);

        assertThat(store.silentSince(Duration.ofSeconds(30))).extracting(ClaimedTask::id).containsExactly(stale.id());

        store.beat("w", List.of(stale.id()));
        assertThat(store.silentSince(Duration.ofSeconds(30))).isEmpty();
    }

    @Test
    void theLatestTasksComeNewestFirstAndFilterByStateAndModel() throws InterruptedException {
        Task first = tables.submit("iris_model", "{}");
        Thread.sleep(5);
        Task second = tables.submit("text_stats", "{}");
        Thread.sleep(5);
        Task third = tables.submit("iris_model", "{}");
        store.cancel(third.id());

        assertThat(store.latest(null, null, 10)).extracting(Task::id).containsExactly(third.id(), second.id(), first.id());
        assertThat(store.latest(null, "iris_model", 10)).extracting(Task::id).containsExactly(third.id(), first.id());
        assertThat(store.latest(TaskState.QUEUED, "iris_model", 10)).extracting(Task::id).containsExactly(first.id());
        assertThat(store.latest(null, null, 1)).extracting(Task::id).containsExactly(third.id());
    }

    @Test
    void expiryDeletesOnlyTasksFinishedBeforeTheCutoff() {
        Task finished = tables.submit("iris_model", "{}");
        Task queued = tables.submit("iris_model", "{}");
        store.cancel(finished.id());

        assertThat(store.deleteFinishedBefore(Instant.now().minusSeconds(60))).isZero();
        assertThat(store.deleteFinishedBefore(Instant.now().plusSeconds(1))).isEqualTo(1);

        assertThat(store.find(finished.id())).isEmpty();
        assertThat(store.find(queued.id())).isPresent();
    }

    @Test
    void theTaskSummaryViewCountsTasksPerModelAndState() {
        tables.submit("iris_model", "{}");
        Task cancelled = tables.submit("iris_model", "{}");
        store.cancel(cancelled.id());

        List<String> rows = tables.jdbc.query("SELECT model_name, state, tasks FROM prediction_task_summary"
                + " ORDER BY state", (row, n) -> row.getString(1) + " " + row.getString(2) + " " + row.getLong(3));

        assertThat(rows).containsExactly("iris_model CANCELLED 1", "iris_model QUEUED 1");
    }
}
