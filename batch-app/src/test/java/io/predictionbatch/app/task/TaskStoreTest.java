package io.predictionbatch.app.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.predictionbatch.app.durability.CommitDurability;
import io.predictionbatch.model.FieldViolation;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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
    void aSubmissionAndACancelAreForcedToDiskOnceCommittedAndTheOtherChangesMayBeRelaxed() {
        // What another connection sees when each is forced (only what was committed before it),
        // and which changes relax their transaction's commit, from inside it.
        List<String> events = new ArrayList<>();
        TaskStore store = new TaskStore(tables.jdbc, new CommitDurability() {
            @Override
            public void relax(JdbcTemplate jdbc) {
                events.add("relax" + (TransactionSynchronizationManager.isActualTransactionActive() ? "" : " outside"));
            }

            @Override
            public void force() {
                events.add("force " + tables.jdbc.queryForList("SELECT state FROM prediction_task ORDER BY state",
                        String.class));
            }
        });
        Task cancelled = Task.queued(UUID.randomUUID(), "iris_model", "1.0.0", "{}", TaskStore.now());
        Task run = Task.queued(UUID.randomUUID(), "iris_model", "1.0.0", "{}", TaskStore.now());
        Task lost = Task.queued(UUID.randomUUID(), "iris_model", "1.0.0", "{}", TaskStore.now());

        store.insert(List.of(cancelled));
        store.cancel(cancelled.id());
        store.insert(List.of(run, lost));
        TaskRun taken = store.take(List.of(run.id()), "worker-a").get(0);
        store.finish(List.of(TaskOutcome.succeeded(store.claim(List.of(taken)).get(0), "{}")));
        store.cancel(run.id());
        store.requeue(store.claim(store.take(List.of(lost.id()), "worker-b")).get(0));
        store.deleteFinishedBefore(TaskStore.now().plusSeconds(1));

        assertThat(events).containsExactly("force [QUEUED]", "force [CANCELLED]", "force [CANCELLED, QUEUED, QUEUED]",
                "relax", "relax", "relax", "relax", "relax");
    }

    @Test
    void aTakenTaskStaysQueuedAndItsEndIsRecordedInOneWriteWithItsAttemptStartAndWorker() {
        Task task = tables.submit("iris_model", "{\"x\":1}");

        TaskRun run = store.take(List.of(task.id(), UUID.randomUUID()), "worker-a").get(0);
        assertThat(tables.task(task.id()).state()).isEqualTo(TaskState.QUEUED);
        assertThat(run.input()).isEqualTo("{\"x\":1}");
        assertThat(run.attempt()).isEqualTo(1);
        List<Task> ended = store.finish(List.of(TaskOutcome.succeeded(run, "{\"species\":\"setosa\"}")));

        Task finished = tables.task(task.id());
        assertThat(ended).as("the task as recorded").containsExactly(finished);
        assertThat(finished.state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(finished.attempts()).isEqualTo(1);
        assertThat(finished.worker()).isEqualTo("worker-a");
        assertThat(finished.startedAt()).isEqualTo(run.startedAt());
    }

    @Test
    void ofTwoRunsThatTookTheSameTaskOnlyTheFirstToEndIsRecorded() {
        Task task = tables.submit("iris_model", "{}");
        TaskRun first = store.take(List.of(task.id()), "worker-a").get(0);
        TaskRun second = store.take(List.of(task.id()), "worker-b").get(0);

        assertThat(store.finish(List.of(TaskOutcome.succeeded(second, "{}")))).hasSize(1);
        assertThat(store.finish(List.of(TaskOutcome.succeeded(first, "{}")))).isEmpty();

        assertThat(tables.task(task.id()).worker()).isEqualTo("worker-b");
        assertThat(store.take(List.of(task.id()), "worker-c")).as("an ended task is not taken").isEmpty();
    }

    @Test
    void aTaskCancelledWhileARunHeldItStaysCancelled() {
        Task task = tables.submit("iris_model", "{}");
        TaskRun run = store.take(List.of(task.id()), "w").get(0);

        assertThat(store.cancel(task.id())).isTrue();

        assertThat(store.finish(List.of(TaskOutcome.succeeded(run, "{}")))).isEmpty();
        assertThat(store.claim(List.of(run))).isEmpty();
        assertThat(tables.task(task.id()).state()).isEqualTo(TaskState.CANCELLED);
    }

    @Test
    void aRunClaimedAfterItTookItsTaskEndsItAsClaimedAndOnlyThat() {
        Task task = tables.submit("iris_model", "{}");
        TaskRun taken = store.take(List.of(task.id()), "w").get(0);

        TaskRun claimed = store.claim(List.of(taken)).get(0);
        Task running = tables.task(task.id());
        assertThat(running.state()).isEqualTo(TaskState.RUNNING);
        assertThat(running.attempts()).isEqualTo(1);
        assertThat(running.startedAt()).isEqualTo(taken.startedAt());
        assertThat(store.claim(List.of(taken))).as("claimed once").isEmpty();

        assertThat(store.finish(List.of(TaskOutcome.succeeded(taken, "{}")))).as("the run as taken").isEmpty();
        assertThat(store.finish(List.of(TaskOutcome.succeeded(claimed, "{}")))).hasSize(1);
        assertThat(tables.task(task.id()).attempts()).isEqualTo(1);
    }

    @Test
    void onlyOneClaimOfAQueuedTaskWins() {
        Task task = tables.submit("iris_model", "{}");

        List<TaskRun> first = tables.claim("worker-a", task.id());
        List<TaskRun> second = tables.claim("worker-b", task.id());

        assertThat(first).extracting(TaskRun::attempt).containsExactly(1);
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

        List<TaskRun> claimed = tables.claim("w", cancelled.id(), queued.id(), UUID.randomUUID());

        assertThat(claimed).singleElement().satisfies(task -> {
            assertThat(task.id()).isEqualTo(queued.id());
            assertThat(task.input()).isEqualTo("{\"x\":2}");
            assertThat(task.model()).isEqualTo("iris_model");
        });
    }

    @Test
    void theOutcomeOfAnAttemptThatLostItsClaimIsNotRecorded() {
        Task task = tables.submit("iris_model", "{}");
        TaskRun firstRun = tables.claim("worker-a", task.id()).get(0);
        assertThat(store.requeue(firstRun)).isTrue();
        TaskRun secondRun = tables.claim("worker-b", task.id()).get(0);

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
        TaskRun run = tables.claim("w", task.id()).get(0);
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
        tables.claim("w", running.id());

        assertThat(store.cancel(queued.id())).isTrue();
        assertThat(store.cancel(queued.id())).isFalse();
        assertThat(store.cancel(running.id())).isFalse();
        assertThat(store.cancel(UUID.randomUUID())).isFalse();
        assertThat(tables.task(queued.id()).state()).isEqualTo(TaskState.CANCELLED);
        assertThat(tables.task(queued.id()).finishedAt()).isNotNull();
        assertThat(tables.claim("w", queued.id())).isEmpty();
    }

    @Test
    void aRunningTaskIsSilentOnlyOnceItsHeartbeatIsOlderThanTheTimeout() {
        Task fresh = tables.submit("iris_model", "{}");
        Task stale = tables.submit("iris_model", "{}");
        tables.claim("w", fresh.id(), stale.id());
        tables.silence(stale.id(), 60);

        assertThat(store.silentSince(Duration.ofSeconds(30))).extracting(TaskRun::id).containsExactly(stale.id());

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
