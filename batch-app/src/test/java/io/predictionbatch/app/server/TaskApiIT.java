package io.predictionbatch.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.predictionbatch.app.task.TaskRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The task and model API of {@code serve} in embedded mode, over real HTTP, with the example
 * model and a second one hosted side by side.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, args = "serve", properties = {
        "spring.datasource.url=jdbc:h2:mem:task-api;DB_CLOSE_DELAY=-1",
        "prediction.home=target/task-api-it",
        "prediction.models[0].class-name=io.predictionbatch.app.testmodel.TextStatsModel",
        "prediction.server.max-request-size=2KB",
        "prediction.tasks.heartbeat-interval=200ms",
        "prediction.tasks.worker-timeout=1s",
        "prediction.tasks.resend-after=1s"})
class TaskApiIT {

    static final String SETOSA = "{\"sepal_length\":5.1,\"sepal_width\":3.5,\"petal_length\":1.4,\"petal_width\":0.2}";
    static final String VIRGINICA = "{\"sepal_length\":6.3,\"sepal_width\":3.3,\"petal_length\":6.0,\"petal_width\":2.5}";

    @LocalServerPort
    int port;

    @Autowired
    TaskRunner runner;

    @Autowired
    JdbcTemplate jdbc;

    private Http http;

    @BeforeEach
    void setUp() {
        http = new Http("http://127.0.0.1:" + port);
    }

    @Test
    void aSubmittedTaskIsAcceptedAtOnceAndEndsWithThePrediction() {
        Http.Response accepted = http.post("/api/models/iris_model/tasks", VIRGINICA);

        assertThat(accepted.status()).isEqualTo(202);
        JsonNode task = accepted.json();
        assertThat(accepted.location()).contains("/api/tasks/" + task.get("id").asString());
        assertThat(task.get("state").asString()).isEqualTo("QUEUED");
        assertThat(task.get("model").asString()).isEqualTo("iris_model");
        assertThat(task.get("modelVersion").asString()).isNotBlank();
        assertThat(task.get("input").get("petal_length").asDouble()).isEqualTo(6.0);

        JsonNode done = http.get(accepted.location().orElseThrow() + "?wait=10s").json();
        assertThat(done.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(done.get("result").get("species").asString()).isEqualTo("virginica");
        assertThat(done.get("error").isNull()).isTrue();
        assertThat(done.get("attempts").asInt()).isEqualTo(1);
        assertThat(done.get("worker").asString()).contains(":");
        assertThat(Instant.parse(done.get("finishedAt").asString()))
                .isAfterOrEqualTo(Instant.parse(done.get("submittedAt").asString()));
    }

    @Test
    void tasksForTwoModelsRunSideBySide() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(submit("iris_model", i % 2 == 0 ? SETOSA : VIRGINICA));
            ids.add(submit("text_stats", "{\"text\":\"task " + i + " of twenty\",\"delay_millis\":5}"));
        }

        for (int i = 0; i < ids.size(); i++) {
            JsonNode task = awaitEnd(ids.get(i));
            assertThat(task.get("state").asString()).isEqualTo("SUCCEEDED");
            if (i % 2 == 0) {
                assertThat(task.get("result").get("species").asString()).isEqualTo(i % 4 == 0 ? "setosa" : "virginica");
            } else {
                assertThat(task.get("result").get("words").asInt()).isEqualTo(4);
                assertThat(task.get("modelVersion").asString()).isEqualTo("test-1");
            }
        }
    }

    @Test
    void aRecordThatBreaksTheSchemaFailsWithEveryViolation() {
        String id = submit("iris_model", "{\"sepal_length\":\"abc\",\"sepal_width\":3.5,\"petal_length\":null}");

        JsonNode task = awaitEnd(id);

        assertThat(task.get("state").asString()).isEqualTo("FAILED");
        JsonNode violations = task.get("error").get("violations");
        assertThat(violations).hasSize(3);
        assertThat(violations.get(0).get("field").asString()).isEqualTo("sepal_length");
        assertThat(violations.get(0).get("value").asString()).isEqualTo("abc");
        assertThat(violations.get(0).get("reason").asString()).isEqualTo("is not a number");
        assertThat(task.get("error").get("message").asString()).contains("petal_width");
        assertThat(task.get("result").isNull()).isTrue();
    }

    @Test
    void aModelsRefusalFailsTheTaskWithItsMessageAndNoViolations() {
        JsonNode task = awaitEnd(submit("text_stats", "{\"text\":\"refuse\",\"delay_millis\":0}"));

        assertThat(task.get("state").asString()).isEqualTo("FAILED");
        assertThat(task.get("error").get("message").asString()).isEqualTo("text_stats refuses the text 'refuse'");
        assertThat(task.get("error").get("violations")).isEmpty();
    }

    @Test
    void aLongPollReturnsAsSoonAsTheTaskEndsAndAPlainGetAtOnce() {
        String id = submit("text_stats", "{\"text\":\"slow\",\"delay_millis\":700}");

        JsonNode now = http.get("/api/tasks/" + id).json();
        assertThat(now.get("state").asString()).isIn("QUEUED", "RUNNING");

        long start = System.nanoTime();
        JsonNode ended = http.get("/api/tasks/" + id + "?wait=30s").json();
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        assertThat(ended.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(waited).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void aLongPollWhoseWaitRunsOutAnswersWithTheTaskAsItIs() {
        String id = submit("text_stats", "{\"text\":\"slower\",\"delay_millis\":3000}");

        JsonNode task = http.get("/api/tasks/" + id + "?wait=300ms").json();

        assertThat(task.get("state").asString()).isIn("QUEUED", "RUNNING");
        assertThat(awaitEnd(id).get("state").asString()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aQueuedTaskCanBeCancelledAndIsNeverRun() throws InterruptedException {
        runner.stop();
        String id;
        try {
            id = submit("iris_model", SETOSA);

            Http.Response cancelled = http.delete("/api/tasks/" + id);
            assertThat(cancelled.status()).isEqualTo(200);
            assertThat(cancelled.json().get("state").asString()).isEqualTo("CANCELLED");
            assertThat(http.delete("/api/tasks/" + id).status()).as("cancelling twice").isEqualTo(200);
        } finally {
            runner.start();
        }
        Thread.sleep(500);
        JsonNode task = http.get("/api/tasks/" + id).json();
        assertThat(task.get("state").asString()).isEqualTo("CANCELLED");
        assertThat(task.get("attempts").asInt()).isZero();
        assertThat(task.get("error").get("message").asString()).contains("Cancelled");
    }

    @Test
    void aTaskThatRanCannotBeCancelled() {
        String id = submit("iris_model", SETOSA);
        awaitEnd(id);

        Http.Response conflict = http.delete("/api/tasks/" + id);

        assertProblem(conflict, 409, "is SUCCEEDED; only a queued task can be cancelled");
        assertThat(conflict.json().get("state").asString()).isEqualTo("SUCCEEDED");
        assertProblem(http.delete("/api/tasks/" + UUID.randomUUID()), 404, "does not exist");
    }

    @Test
    void aTaskAcceptedBeforeARestartIsStillRun() {
        UUID id = UUID.randomUUID();
        // As left by a server that recorded the task and died before queueing it.
        jdbc.update("INSERT INTO prediction_task (task_id, model_name, model_version, state, input, submitted_at,"
                + " attempts) VALUES (?, 'iris_model', '1.0.0', 'QUEUED', ?, CURRENT_TIMESTAMP, 0)", id.toString(),
                SETOSA);
        jdbc.update("INSERT INTO prediction_task_count (model_name, state, tasks, latency_millis)"
                + " VALUES ('iris_model', 'QUEUED', 1, 0)");

        JsonNode task = awaitEnd(id.toString());

        assertThat(task.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(task.get("result").get("species").asString()).isEqualTo("setosa");
    }

    @Test
    void theLatestTasksAreListedNewestFirstByStateAndModel() {
        String failed = submit("text_stats", "{\"text\":\"refuse\",\"delay_millis\":0}");
        awaitEnd(failed);
        String newest = submit("iris_model", SETOSA);
        awaitEnd(newest);

        JsonNode all = http.get("/api/tasks?limit=2").json();
        assertThat(all).hasSize(2);
        assertThat(all.get(0).get("id").asString()).isEqualTo(newest);
        JsonNode failures = http.get("/api/tasks?state=FAILED&model=text_stats&limit=1000").json();
        assertThat(failures).isNotEmpty().allSatisfy(task -> {
            assertThat(task.get("state").asString()).isEqualTo("FAILED");
            assertThat(task.get("model").asString()).isEqualTo("text_stats");
        });
        assertProblem(http.get("/api/tasks?limit=0"), 400, "limit must be between 1 and 1000");
        assertProblem(http.get("/api/tasks?state=DONE"), 400, "'DONE' is not a valid state");
    }

    @Test
    void aThousandConcurrentSubmissionsMakeAThousandTasksEachFinishedOnce() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<Future<String>> submitted = IntStream.range(0, 1000)
                .mapToObj(i -> clients.submit(() -> submit("iris_model", i % 2 == 0 ? SETOSA : VIRGINICA))).toList();
        Set<String> ids = new HashSet<>();
        for (Future<String> id : submitted) {
            ids.add(id.get());
        }
        clients.shutdown();

        assertThat(ids).hasSize(1000);
        for (String id : ids) {
            assertThat(awaitEnd(id).get("state").asString()).isEqualTo("SUCCEEDED");
        }
        Integer finishedOnce = jdbc.queryForObject("SELECT COUNT(*) FROM prediction_task WHERE task_id IN ("
                + String.join(",", ids.stream().map(id -> "'" + id + "'").toList()) + ") AND state = 'SUCCEEDED'"
                + " AND attempts = 1", Integer.class);
        assertThat(finishedOnce).isEqualTo(1000);
    }

    @Test
    void theSynchronousPredictAnswersWithThePredictionOrTheViolations() {
        Http.Response predicted = http.post("/api/models/iris_model/predict", SETOSA);
        assertThat(predicted.status()).isEqualTo(200);
        assertThat(predicted.json().get("species").asString()).isEqualTo("setosa");

        Http.Response refused = http.post("/api/models/iris_model/predict", "{\"sepal_length\":1}");
        assertProblem(refused, 422, "sepal_width: is missing");
        assertThat(refused.json().get("violations")).hasSize(3);
        assertProblem(http.post("/api/models/text_stats/predict", "{\"text\":\"refuse\",\"delay_millis\":0}"), 422,
                "text_stats refuses");
    }

    @Test
    void theHostedModelsAreListedWithTheirSchemas() {
        JsonNode models = http.get("/api/models").json();

        assertThat(models).extracting(model -> model.get("name").asString()).contains("iris_model", "text_stats");
        JsonNode iris = http.get("/api/models/iris_model").json();
        assertThat(iris.get("description").asString()).isNotBlank();
        assertThat(iris.get("inputSchema").get("properties").has("petal_width")).isTrue();
        assertThat(iris.get("outputSchema").get("properties").has("species")).isTrue();
        assertProblem(http.get("/api/models/churn"), 404, "Unknown model 'churn'. Available models:");
    }

    @Test
    void badRequestsGetAProblemThatSaysWhatIsWrong() {
        assertProblem(http.post("/api/models/nope/tasks", SETOSA), 404, "Unknown model 'nope'");
        assertProblem(http.get("/api/tasks/" + UUID.randomUUID()), 404, "does not exist");
        assertProblem(http.get("/api/tasks/42"), 400, "'42' is not a valid id");
        assertProblem(http.post("/api/models/iris_model/tasks", "{\"sepal_length\": 5.1,"), 400,
                "The body is not a JSON object");
        assertProblem(http.post("/api/models/iris_model/tasks", "[1, 2]"), 400, "this one is a JSON array");
        assertProblem(http.post("/api/models/iris_model/tasks", "\"text\""), 400, "this one is a JSON string");
        assertProblem(http.post("/api/models/iris_model/tasks", ""), 400, "The body");
        String id = submit("iris_model", SETOSA);
        assertProblem(http.get("/api/tasks/" + id + "?wait=soon"), 400, "wait 'soon' is not a duration");
        assertThat(http.post("/api/models/iris_model/tasks", "text/plain",
                HttpRequest.BodyPublishers.ofString(SETOSA)).status()).isEqualTo(415);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413DeclaredOrChunked() {
        String large = "{\"sepal_length\":5.1,\"padding\":\"" + "x".repeat(4000) + "\"}";

        assertProblem(http.post("/api/models/iris_model/tasks", large), 413, "larger than 2048 bytes");
        Http.Response chunked = http.post("/api/models/iris_model/tasks", "application/json",
                HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(large.getBytes())));
        assertProblem(chunked, 413, "larger than 2048 bytes");
    }

    @Test
    void healthAndTheOpenApiDescriptionAreServed() {
        JsonNode health = http.get("/actuator/health").json();
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("db").get("status").asString()).isEqualTo("UP");

        JsonNode api = http.get("/v3/api-docs").json();
        assertThat(Stream.of("/api/models/{model}/tasks", "/api/tasks/{id}", "/api/tasks", "/api/models",
                "/api/models/{model}", "/api/models/{model}/predict")).allSatisfy(
                        path -> assertThat(api.get("paths").has(path)).as(path).isTrue());
    }

    private String submit(String model, String record) {
        Http.Response response = http.post("/api/models/" + model + "/tasks", record);
        assertThat(response.status()).as(response.text()).isEqualTo(202);
        return response.json().get("id").asString();
    }

    private JsonNode awaitEnd(String id) {
        for (int i = 0; i < 10; i++) {
            JsonNode task = http.get("/api/tasks/" + id + "?wait=5s").json();
            if (!List.of("QUEUED", "RUNNING").contains(task.get("state").asString())) {
                return task;
            }
        }
        throw new AssertionError("task " + id + " did not end in 50 s");
    }

    static void assertProblem(Http.Response response, int status, String detail) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains(detail);
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.text()).doesNotContain("Exception", "\tat ");
    }
}
