package io.predictionbatch.app.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.predictionbatch.app.config.TaskProperties;
import io.predictionbatch.app.testmodel.TextStatsModel;
import io.predictionbatch.model.FieldViolation;
import io.predictionbatch.model.registry.ModelRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaskRunnerTest {

    private static final String SETOSA = "{\"sepal_length\":5.1,\"sepal_width\":3.5,\"petal_length\":1.4,\"petal_width\":0.2}";

    private final TaskTables tables = new TaskTables();
    private final LocalTaskQueue queue = new LocalTaskQueue();
    private final List<Task> announced = new ArrayList<>();
    private final TaskEvents events = this::announce;
    private final ModelRegistry models = ModelRegistry.create(List.of(TextStatsModel.class.getName()),
            getClass().getClassLoader());
    private final TaskRunner runner = new TaskRunner(tables.store, queue, events, models, properties(), "worker-1");

    @AfterEach
    void stop() {
        runner.stop();
    }

    private synchronized void announce(Collection<Task> ended) {
        announced.addAll(ended);
    }

    static TaskProperties properties() {
        return new TaskProperties(2, 64, Duration.ofMillis(100), Duration.ofMillis(500), 3, Duration.ofSeconds(30),
                Duration.ofHours(24), Duration.ofSeconds(60), "q", "c");
    }

    @Test
    void aBatchOfTasksForTwoModelsEndsWithEachPredictionAndIsAnnounced() {
        Task iris = tables.submit("iris_model", SETOSA);
        Task text = tables.submit("text_stats", "{\"text\":\"two words\",\"delay_millis\":0}");

        runner.run(List.of(iris.id(), text.id()));

        assertThat(tables.task(iris.id()).state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(tables.task(iris.id()).result()).isEqualTo("{\"species\":\"setosa\"}");
        assertThat(tables.task(text.id()).result()).isEqualTo("{\"words\":2,\"shout\":\"TWO WORDS\"}");
        assertThat(tables.task(text.id()).worker()).isEqualTo("worker-1");
        assertThat(announced).as("announced as recorded")
                .containsExactlyInAnyOrder(tables.task(iris.id()), tables.task(text.id()));
    }

    @Test
    void aRecordThatBreaksTheSchemaFailsWithEachViolationAndIsNotRetried() {
        Task task = tables.submit("iris_model", "{\"sepal_length\":\"abc\",\"sepal_width\":3.5,\"petal_length\":1.4}");

        runner.run(List.of(task.id()));

        Task failed = tables.task(task.id());
        assertThat(failed.state()).isEqualTo(TaskState.FAILED);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.violations()).extracting(FieldViolation::field).containsExactly("sepal_length", "petal_width");
        assertThat(failed.violations().get(0).value()).isEqualTo("abc");
    }

    @Test
    void aModelsRefusalFailsTheTaskWithItsMessage() {
        Task task = tables.submit("text_stats", "{\"text\":\"refuse\",\"delay_millis\":0}");

        runner.run(List.of(task.id()));

        Task failed = tables.task(task.id());
        assertThat(failed.state()).isEqualTo(TaskState.FAILED);
        assertThat(failed.errorMessage()).isEqualTo("text_stats refuses the text 'refuse'");
        assertThat(failed.violations()).isEmpty();
    }

    @Test
    void aTaskForAModelThisWorkerDoesNotHostFailsNamingTheModelAndTheWorker() {
        Task task = tables.submit("churn_model", "{}");

        runner.run(List.of(task.id()));

        assertThat(tables.task(task.id()).errorMessage())
                .startsWith("Model 'churn_model' is not hosted on worker worker-1")
                .contains("iris_model", "text_stats");
    }

    @Test
    void aTaskSentTwiceRunsOnce() {
        Task task = tables.submit("iris_model", SETOSA);

        runner.run(List.of(task.id(), task.id()));
        runner.run(List.of(task.id()));

        assertThat(tables.task(task.id()).attempts()).isEqualTo(1);
        assertThat(announced).extracting(Task::id).containsExactly(task.id());
    }

    @Test
    void aQuickTaskGoesFromQueuedToItsEndInOneWrite() {
        Task task = tables.submit("iris_model", SETOSA);
        int changesBefore = countChanges();

        runner.run(List.of(task.id()));

        assertThat(tables.task(task.id()).state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(countChanges() - changesBefore).as("count rows appended: queued -1, succeeded +1, by one write")
                .isEqualTo(2);
    }

    @Test
    void aTaskCancelledWhileItIsPredictedButNotYetClaimedStaysCancelledAndIsNotAnnounced() throws Exception {
        Task task = tables.submit("text_stats", "{\"text\":\"too late\",\"delay_millis\":500}");
        Thread running = new Thread(() -> runner.run(List.of(task.id())));
        running.start();
        Thread.sleep(200);

        assertThat(tables.store.cancel(task.id())).as("no heartbeat has claimed it: the runner is not started").isTrue();
        running.join(5000);

        assertThat(tables.task(task.id()).state()).isEqualTo(TaskState.CANCELLED);
        assertThat(announced).isEmpty();
    }

    @Test
    void startedRunnersTakeTasksFromTheQueueAndRenewTheHeartbeatOfASlowOne() throws InterruptedException {
        runner.start();
        Task slow = tables.submit("text_stats", "{\"text\":\"slow\",\"delay_millis\":1500}");
        queue.send(List.of(slow.id()));

        Thread.sleep(1000);
        assertThat(tables.task(slow.id()).state()).isEqualTo(TaskState.RUNNING);
        assertThat(tables.store.silentSince(Duration.ofMillis(500))).as("heartbeat renewed").isEmpty();

        awaitFinal(slow.id());
        assertThat(tables.task(slow.id()).state()).isEqualTo(TaskState.SUCCEEDED);
    }

    private int countChanges() {
        return tables.jdbc.queryForObject("SELECT COUNT(*) FROM prediction_task_count", Integer.class);
    }

    private void awaitFinal(UUID id) throws InterruptedException {
        for (int i = 0; i < 100 && !tables.task(id).state().isFinal(); i++) {
            Thread.sleep(50);
        }
    }
}
