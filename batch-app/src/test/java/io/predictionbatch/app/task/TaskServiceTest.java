package io.predictionbatch.app.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.predictionbatch.app.testmodel.TextStatsModel;
import io.predictionbatch.model.registry.ModelRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Long polls as the service answers them, with the tasks' ends announced or not. */
class TaskServiceTest {

    private static final ObjectNode SETOSA = (ObjectNode) JsonMapper.builder().build()
            .readTree("{\"sepal_length\":5.1,\"sepal_width\":3.5,\"petal_length\":1.4,\"petal_width\":0.2}");

    private final TaskTables tables = new TaskTables();
    private final TaskWaiters waiters = new TaskWaiters(new SimpleMeterRegistry());
    private final LocalTaskQueue queue = new LocalTaskQueue();
    private final ModelRegistry models = ModelRegistry.create(List.of(TextStatsModel.class.getName()),
            getClass().getClassLoader());
    private final TaskService service = new TaskService(models, tables.store, queue, waiters::complete, waiters);
    private final TaskRunner runner = new TaskRunner(tables.store, queue, waiters::complete, models,
            TaskRunnerTest.properties(), "worker-1");

    @Test
    void aLongPollOnATaskSubmittedHereEndsWithItsAnnouncedEnd() throws Exception {
        Task task = service.submit("iris_model", SETOSA);
        CompletableFuture<Task> poll = service.awaitEnd(task.id(), Duration.ofSeconds(10));
        assertThat(poll).isNotDone();

        runner.run(List.of(task.id()));

        assertThat(poll.get(1, TimeUnit.SECONDS).state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(poll.get()).isEqualTo(tables.task(task.id()));
    }

    @Test
    void aLongPollOnATaskThatEndedBeforeAnswersAtOnce() throws Exception {
        Task task = service.submit("iris_model", SETOSA);
        runner.run(List.of(task.id()));

        CompletableFuture<Task> poll = service.awaitEnd(task.id(), Duration.ofSeconds(10));

        assertThat(poll).isDone();
        assertThat(poll.get().state()).isEqualTo(TaskState.SUCCEEDED);
    }

    @Test
    void aLongPollOnATaskThatEndedBeforeItsSubmissionReturnedAnswersAtOnce() {
        TaskQueue runsAtOnce = new TaskQueue() {
            @Override
            public void send(Collection<UUID> ids) {
                runner.run(List.copyOf(ids));
            }

            @Override
            public void resendMissing(List<UUID> queued) {
            }

            @Override
            public Receiver receiver() {
                throw new UnsupportedOperationException();
            }
        };
        TaskService eager = new TaskService(models, tables.store, runsAtOnce, waiters::complete, waiters);
        Task task = eager.submit("iris_model", SETOSA);

        CompletableFuture<Task> poll = eager.awaitEnd(task.id(), Duration.ofSeconds(10));

        assertThat(poll).as("its end was announced before the poll").isDone();
        assertThat(poll.join().state()).isEqualTo(TaskState.SUCCEEDED);
    }

    @Test
    void aLongPollWhoseEndIsNeverAnnouncedReadsTheTaskWhenItsWaitRunsOut() throws Exception {
        Task task = service.submit("iris_model", SETOSA);
        TaskRunner silent = new TaskRunner(tables.store, queue, ended -> { }, models, TaskRunnerTest.properties(),
                "worker-2");
        silent.run(List.of(task.id()));

        Task polled = service.awaitEnd(task.id(), Duration.ofMillis(200)).get(5, TimeUnit.SECONDS);

        assertThat(polled.state()).as("read from the table").isEqualTo(TaskState.SUCCEEDED);
    }
}
