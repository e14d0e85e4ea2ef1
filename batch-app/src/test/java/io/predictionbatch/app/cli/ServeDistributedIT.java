package io.predictionbatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.predictionbatch.app.testmodel.TextStatsModel;
import io.predictionbatch.client.PredictionClient;
import io.predictionbatch.client.TaskHandle;
import io.predictionbatch.client.TaskInfo;
import io.predictionbatch.client.TaskState;
import io.predictionbatch.model.FieldViolation;
import io.predictionbatch.model.SchemaValidationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tasks in distributed mode, end to end: a {@code serve} process queues them on the real Redis,
 * two {@code worker} processes run them against the real PostgreSQL, and a client follows them
 * through the Java client, with the example model and a test model hosted side by side.
 */
class ServeDistributedIT {

    record Iris(double sepal_length, double sepal_width, double petal_length, double petal_width) {
    }

    record Species(String species) {
    }

    static final Iris SETOSA = new Iris(5.1, 3.5, 1.4, 0.2);
    static final Iris VIRGINICA = new Iris(6.3, 3.3, 6.0, 2.5);

    @TempDir
    static Path work;

    static DistributedEnvironment environment;
    static Cli cli;
    static ServerProcess server;
    static final List<Process> workers = new ArrayList<>();
    static PredictionClient client;

    @BeforeAll
    static void startServerAndTwoWorkers() throws Exception {
        environment = DistributedEnvironment.create();
        cli = new Cli(work.resolve("home"), work, environment.processEnvironment()).withTestModels();
        server = ServerProcess.start(cli);
        workers.add(cli.startWorker());
        workers.add(cli.startWorker());
        client = PredictionClient.create(server.url());
    }

    @AfterAll
    static void stopAll() throws Exception {
        for (Process worker : workers) {
            worker.destroy();
        }
        for (Process worker : workers) {
            if (!worker.waitFor(60, TimeUnit.SECONDS)) {
                worker.destroyForcibly().waitFor();
            }
        }
        if (server != null) {
            server.close();
        }
        if (environment != null) {
            environment.close();
        }
    }

    @Test
    void tasksForTwoModelsRunOnTheWorkersSideBySide() throws Exception {
        List<TaskHandle<Species>> irises = new ArrayList<>();
        List<TaskHandle<TextStatsModel.Output>> texts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            irises.add(client.submit("iris_model", i % 2 == 0 ? SETOSA : VIRGINICA, Species.class));
            texts.add(client.submit("text_stats", new TextStatsModel.Input("word " + i, 0), TextStatsModel.Output.class));
        }

        for (int i = 0; i < 40; i++) {
            assertThat(irises.get(i).get(Duration.ofSeconds(30)).species()).isEqualTo(i % 2 == 0 ? "setosa" : "virginica");
            assertThat(texts.get(i).get(Duration.ofSeconds(30))).isEqualTo(new TextStatsModel.Output(2, "WORD " + i));
        }
        Set<String> ranOn = new HashSet<>();
        irises.forEach(task -> ranOn.add(task.task().worker()));
        assertThat(ranOn).allSatisfy(worker -> assertThat(worker).isNotEqualTo(null).contains(":"));
        assertThat(environment.rows("SELECT COUNT(*) FROM prediction_task WHERE state = 'SUCCEEDED'").get(0))
                .isEqualTo(String.valueOf(countSucceeded()));
        var metrics = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                server.url().resolve("/actuator/prometheus")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.body()).as("the round trips of the tasks the workers ran, measured by the server")
                .contains("prediction_task_latency_seconds_count{model=\"iris_model\"}",
                        "prediction_task_latency_seconds_count{model=\"text_stats\"}");
    }

    @Test
    void aSchemaViolationReachesTheClientWithEachBadField() throws Exception {
        TaskHandle<Species> task = client.submit("iris_model", Map.of("sepal_length", "long", "sepal_width", 3.0,
                "petal_length", 1.0), Species.class);

        assertThatThrownBy(() -> task.get(Duration.ofSeconds(30))).isInstanceOfSatisfying(
                SchemaValidationException.class, e -> assertThat(e.violations()).containsExactly(
                        new FieldViolation("sepal_length", "long", "is not a number"),
                        new FieldViolation("petal_width", null, "is missing")));
        assertThat(task.task().state()).isEqualTo(TaskState.FAILED);
        assertThat(task.task().attempts()).isEqualTo(1);
    }

    @Test
    void aTaskWhoseWorkerIsKilledIsTakenUpAgainAndSucceedsOnce() throws Exception {
        TaskHandle<TextStatsModel.Output> task = client.submit("text_stats",
                new TextStatsModel.Input("held by a dying worker", 6000), TextStatsModel.Output.class);
        TaskInfo running = task.task();
        for (int i = 0; i < 200 && running.state() != TaskState.RUNNING; i++) {
            Thread.sleep(50);
            running = task.task();
        }
        assertThat(running.state()).isEqualTo(TaskState.RUNNING);
        long pid = Long.parseLong(running.worker().substring(running.worker().lastIndexOf(':') + 1));
        Process holder = workers.stream().filter(worker -> worker.pid() == pid).findFirst().orElseThrow();

        new ProcessBuilder("kill", "-9", String.valueOf(pid)).start().waitFor();
        holder.waitFor(10, TimeUnit.SECONDS);
        workers.remove(holder);
        workers.add(cli.startWorker());

        assertThat(task.get(Duration.ofSeconds(90))).isEqualTo(new TextStatsModel.Output(5, "HELD BY A DYING WORKER"));
        TaskInfo ended = task.task();
        assertThat(ended.attempts()).isEqualTo(2);
        assertThat(ended.worker()).isNotEqualTo(running.worker());
        assertThat(environment.rows("SELECT state, attempts FROM prediction_task WHERE task_id = '" + task.id() + "'"))
                .containsExactly("SUCCEEDED,2");
    }

    @Test
    void aThousandConcurrentSubmissionsMakeAThousandTasksEachFinishedOnce() throws Exception {
        ExecutorService submitters = Executors.newFixedThreadPool(16);
        List<Future<TaskHandle<Species>>> submitted = IntStream.range(0, 1000).mapToObj(i -> submitters.submit(
                () -> client.submit("iris_model", i % 3 == 0 ? VIRGINICA : SETOSA, Species.class))).toList();
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < submitted.size(); i++) {
            TaskHandle<Species> task = submitted.get(i).get();
            ids.add(task.id());
            assertThat(task.get(Duration.ofSeconds(60)).species()).isEqualTo(i % 3 == 0 ? "virginica" : "setosa");
        }
        submitters.shutdown();

        assertThat(ids).hasSize(1000);
        assertThat(environment.rows("SELECT COUNT(*) FROM prediction_task WHERE state = 'SUCCEEDED' AND attempts = 1"
                + " AND task_id IN (" + String.join(",", ids.stream().map(id -> "'" + id + "'").toList()) + ")"))
                .containsExactly("1000");
    }

    @Test
    void healthReportsTheDatabaseAndRedis() throws Exception {
        var health = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                server.url().resolve("/actuator/health")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"db\":{\"status\":\"UP\"", "\"redis\":{\"status\":\"UP\"");
    }

    private static long countSucceeded() {
        return client.tasks(TaskState.SUCCEEDED, null, 1000).size();
    }
}
