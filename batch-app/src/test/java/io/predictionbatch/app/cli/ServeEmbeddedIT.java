package io.predictionbatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end in embedded mode, as a user works: {@code serve} on a home, the {@code task}
 * commands against it, and batch jobs on the same home while it serves.
 */
class ServeEmbeddedIT {

    private static final Path SAMPLES = Path.of("../sample-data").toAbsolutePath().normalize();
    private static final String SETOSA = "{\"sepal_length\":5.1,\"sepal_width\":3.5,\"petal_length\":1.4,\"petal_width\":0.2}";

    @TempDir
    Path work;

    private ServerProcess server;
    private Cli cli;
    private Cli client;

    @BeforeEach
    void startServer() throws Exception {
        cli = new Cli(work.resolve("home"), work).withTestModels();
        server = ServerProcess.start(cli);
        client = new Cli(work.resolve("home"), work, Map.of("PREDICTION_SERVER_URL", server.url().toString()));
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
        cli.stopDatabaseServer();
        assertThat(server.process().exitValue()).as("a stopped server").isIn(0, 143);
        assertThat(server.output()).contains("Prediction server stopped").doesNotContain("Exception");
    }

    @Test
    void submitsWaitsAndReadsTasksFromTheCommandLine() throws Exception {
        Cli.Result predicted = client.run("task", "submit", "--model", "iris_model", "--wait", "30s", SETOSA);
        assertThat(predicted.exitCode()).as(predicted.err()).isZero();
        assertThat(predicted.out()).contains("\"species\"", "\"setosa\"");

        Files.writeString(work.resolve("record.json"), "{\"text\": \"from a file\", \"delay_millis\": 0}");
        Cli.Result submitted = client.run("task", "submit", "--model", "text_stats", "@record.json");
        assertThat(submitted.exitCode()).as(submitted.err()).isZero();
        String id = submitted.out().strip();
        Cli.Result task = client.run("task", "get", id, "--wait", "30s");
        assertThat(task.exitCode()).as(task.err()).isZero();
        assertThat(task.out()).contains("\"SUCCEEDED\"", "\"FROM A FILE\"", id);

        Cli.Result listed = client.run("task", "list", "--model", "text_stats");
        assertThat(listed.out()).contains(id, "SUCCEEDED", "text_stats");
        Cli.Result cancel = client.run("task", "cancel", id);
        assertThat(cancel.exitCode()).isEqualTo(2);
        assertThat(cancel.err()).contains("SUCCEEDED", "only queued tasks can be cancelled");
    }

    @Test
    void aRecordTheModelRefusesExitsOneWithEachViolation() throws Exception {
        Cli.Result refused = client.run("task", "submit", "--model", "iris_model", "--wait", "30s",
                "{\"sepal_length\": \"x\", \"sepal_width\": 1, \"petal_length\": 1}");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("sepal_length: 'x' is not a number", "petal_width: is missing")
                .doesNotContain("Exception");
        Cli.Result unknown = client.run("task", "submit", "--model", "churn", SETOSA);
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown model 'churn'");
    }

    @Test
    void batchJobsOnTheSameHomeRunWhileTheServerServes() throws Exception {
        Cli.Result job = cli.run("predict", "--model", "iris_model", "--input", SAMPLES.resolve("iris.csv").toString(), "--output",
                "preds.csv", "--quiet");
        assertThat(job.exitCode()).as(job.err()).isZero();
        assertThat(Files.readAllLines(work.resolve("preds.csv"))).hasSize(151);
        Cli.Result jobs = cli.run("jobs");
        assertThat(jobs.out()).contains("COMPLETED");

        Cli.Result afterTheJob = client.run("task", "submit", "--model", "iris_model", "--wait", "30s", SETOSA);
        assertThat(afterTheJob.exitCode()).as(afterTheJob.err()).isZero();
        assertThat(afterTheJob.out()).contains("setosa");
    }

    @Test
    void theTaskCommandsSayWhenNoServerAnswers() throws Exception {
        Cli.Result nobody = new Cli(work.resolve("home"), work, Map.of("PREDICTION_SERVER_URL", "http://127.0.0.1:9"))
                .run("task", "list");

        assertThat(nobody.exitCode()).isEqualTo(1);
        assertThat(nobody.err()).contains("No prediction server answers at http://127.0.0.1:9",
                "prediction-batch serve");
    }
}
