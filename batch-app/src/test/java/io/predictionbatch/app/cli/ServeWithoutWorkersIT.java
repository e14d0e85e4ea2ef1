package io.predictionbatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.predictionbatch.client.PredictionClient;
import io.predictionbatch.client.PredictionClientException;
import io.predictionbatch.client.TaskHandle;
import io.predictionbatch.client.TaskState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Distributed mode with the server alone at first: tasks wait queued for a worker, can be
 * cancelled, survive the loss of the Redis list, and expire once finished.
 */
class ServeWithoutWorkersIT {

    record Iris(double sepal_length, double sepal_width, double petal_length, double petal_width) {
    }

    record Species(String species) {
    }

    static final Iris SETOSA = new Iris(5.1, 3.5, 1.4, 0.2);

    @TempDir
    Path work;

    private DistributedEnvironment environment;
    private Cli cli;
    private ServerProcess server;
    private Process worker;
    private PredictionClient client;

    @BeforeEach
    void startServer() throws Exception {
        environment = DistributedEnvironment.create();
        Map<String, String> settings = new HashMap<>(environment.processEnvironment());
        settings.put("PREDICTION_TASKS_RESENDAFTER", "1s");
        settings.put("PREDICTION_TASKS_RETENTION", "3s");
        cli = new Cli(work.resolve("home"), work, settings);
        server = ServerProcess.start(cli);
        client = PredictionClient.create(server.url());
    }

    @AfterEach
    void stop() throws Exception {
        if (worker != null) {
            worker.destroy();
            if (!worker.waitFor(60, TimeUnit.SECONDS)) {
                worker.destroyForcibly().waitFor();
            }
        }
        server.close();
        environment.close();
    }

    @Test
    void queuedTasksWaitForAWorkerAndACancelledOneNeverRuns() throws Exception {
        TaskHandle<Species> cancelled = client.submit("iris_model", SETOSA, Species.class);
        TaskHandle<Species> waiting = client.submit("iris_model", SETOSA, Species.class);
        Thread.sleep(1500);
        assertThat(waiting.task().state()).isEqualTo(TaskState.QUEUED);

        assertThat(cancelled.cancel()).isTrue();
        worker = cli.startWorker();

        assertThat(waiting.get(Duration.ofSeconds(60)).species()).isEqualTo("setosa");
        assertThat(cancelled.task().state()).isEqualTo(TaskState.CANCELLED);
        assertThat(cancelled.task().attempts()).isZero();
        assertThat(waiting.cancel()).as("cancelling a task that ran").isFalse();
        assertThat(environment.rows("SELECT model_name, state, tasks FROM prediction_task_summary ORDER BY state"))
                .as("the kept counts, on PostgreSQL").isEqualTo(environment.rows(
                        "SELECT model_name, state, COUNT(*) FROM prediction_task GROUP BY model_name, state ORDER BY state"));
    }

    @Test
    void aTaskWhoseQueueRedisLostIsSentAgain() throws Exception {
        TaskHandle<Species> task = client.submit("iris_model", SETOSA, Species.class);
        assertThat(DistributedEnvironment.redis("DEL", environment.taskQueue())).isEqualTo(":1");

        worker = cli.startWorker();

        assertThat(task.get(Duration.ofSeconds(60)).species()).isEqualTo("setosa");
    }

    @Test
    void aFinishedTaskIsDeletedAfterTheRetention() throws Exception {
        worker = cli.startWorker();
        TaskHandle<Species> task = client.submit("iris_model", SETOSA, Species.class);
        task.get(Duration.ofSeconds(60));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        PredictionClientException gone = null;
        while (gone == null && System.nanoTime() < deadline) {
            try {
                client.task(task.id());
                Thread.sleep(250);
            } catch (PredictionClientException e) {
                gone = e;
            }
        }
        assertThat(gone).as("the task is deleted").isNotNull();
        assertThat(gone.status()).isEqualTo(404);
        assertThat(environment.rows("SELECT COUNT(*) FROM prediction_task")).containsExactly("0");
        assertThat(environment.rows("SELECT * FROM prediction_task_summary")).as("no count left of it").isEmpty();
    }
}
