package io.predictionbatch.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;

import io.predictionbatch.model.FieldViolation;
import io.predictionbatch.model.ModelException;
import io.predictionbatch.model.SchemaValidationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PredictionClientTest {

    record IrisInput(double sepal_length, double sepal_width, double petal_length, double petal_width) {
    }

    record Species(String species) {
    }

    private static final IrisInput SETOSA = new IrisInput(5.1, 3.5, 1.4, 0.2);
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final FakePredictionServer server = FakePredictionServer.start();
    private final PredictionClient client = PredictionClient.create(server.uri());

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void submittedTaskYieldsTheTypedPrediction() throws Exception {
        TaskHandle<Species> task = client.submit("iris_model", SETOSA, Species.class);

        assertThat(task.get(PATIENCE)).isEqualTo(new Species("setosa"));
        assertThat(task.isDone()).isTrue();
        TaskInfo info = task.task();
        assertThat(info.id()).isEqualTo(task.id());
        assertThat(info.state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(info.model()).isEqualTo("iris_model");
        assertThat(info.input().get("petal_length").asDouble()).isEqualTo(1.4);
        assertThat(info.result().get("species").asString()).isEqualTo("setosa");
        assertThat(info.error()).isNull();
        assertThat(info.finishedAt()).isAfterOrEqualTo(info.submittedAt());
        assertThat(info.latency()).isPresent();
        assertThat(info.attempts()).isEqualTo(1);
    }

    @Test
    void submitAcceptsMapsAndReadsIntoAnyJacksonType() throws Exception {
        Map<String, Object> record = Map.of("sepal_length", 6.0, "sepal_width", 2.9, "petal_length", 4.5,
                "petal_width", 1.5);

        TaskHandle<JsonNode> task = client.submit("iris_model", record, JsonNode.class);

        assertThat(task.get(PATIENCE).get("species").asString()).isEqualTo("versicolor");
    }

    @Test
    void aFinalTaskIsRememberedAndNotAskedForAgain() throws Exception {
        TaskHandle<Species> task = client.submit("iris_model", SETOSA, Species.class);
        task.get(PATIENCE);
        int requests = server.requests().size();

        assertThat(task.isDone()).isTrue();
        assertThat(task.get(Duration.ZERO)).isEqualTo(new Species("setosa"));
        assertThat(task.task().state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(server.requests()).hasSize(requests);
    }

    @Test
    void aQueuedTaskIsNotDoneAndGetTimesOutAfterPollingUntilTheTimeout() {
        server.holdTasks().maxWait(Duration.ofMillis(100));
        TaskHandle<Species> task = client.submit("iris_model", SETOSA, Species.class);
        long start = System.nanoTime();

        assertThat(task.isDone()).isFalse();
        assertThatThrownBy(() -> task.get(Duration.ofMillis(450)))
                .isInstanceOf(TimeoutException.class)
                .hasMessage("Task " + task.id() + " is still QUEUED after 450 ms");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(450));
        // The server held each poll 100 ms at most, so the client asked again for what was left.
        List<String> polls = server.requests().stream().filter(request -> request.contains("?wait=")).toList();
        assertThat(polls).hasSizeGreaterThanOrEqualTo(3)
                .allMatch(poll -> poll.matches("GET /api/tasks/" + task.id() + "\\?wait=\\d+ms"));
        assertThat(waitOf(polls.get(0))).isBetween(400L, 450L);
        assertThat(waitOf(polls.get(1))).isLessThan(waitOf(polls.get(0)) - 90);
    }

    @Test
    void getReturnsAsSoonAsTheTaskEndsDuringTheWait() throws Exception {
        server.holdTasks();
        TaskHandle<Species> task = client.submit("iris_model", SETOSA, Species.class);
        Thread runner = new Thread(() -> {
            sleep(200);
            server.runQueued();
        });
        runner.start();
        long start = System.nanoTime();

        assertThat(task.get(PATIENCE)).isEqualTo(new Species("setosa"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(server.requests()).contains("GET /api/tasks/" + task.id() + "?wait=10s");
        runner.join();
    }

    @Test
    void aTaskThatBrokeTheSchemaThrowsTheModelsSchemaValidationExceptionWithEachViolation() {
        Map<String, Object> record = Map.of("sepal_length", 5.1, "sepal_width", 3.5, "petal_length", "long");

        TaskHandle<Species> task = client.submit("iris_model", record, Species.class);

        assertThatThrownBy(() -> task.get(PATIENCE))
                .hasMessage("petal_length: 'long' is not a number; petal_width: is missing")
                .asInstanceOf(type(SchemaValidationException.class))
                .satisfies(e -> assertThat(e.violations()).containsExactly(
                        new FieldViolation("petal_length", "long", "is not a number"),
                        new FieldViolation("petal_width", null, "is missing")));
        assertThat(task.task().error().violations()).hasSize(2);
    }

    @Test
    void aTaskTheModelRefusedThrowsAModelExceptionWithTheServersMessage() {
        TaskHandle<Species> task = client.submit("iris_model", new IrisInput(120, 3.5, 1.4, 0.2), Species.class);

        assertThatThrownBy(() -> task.get(PATIENCE))
                .isExactlyInstanceOf(ModelException.class)
                .hasMessage("No iris has a sepal 120.0 cm long");
        assertThat(task.task().error().violations()).isEmpty();
    }

    @Test
    void aQueuedTaskCanBeCancelledAndThenGetThrowsCancellationException() {
        server.holdTasks();
        TaskHandle<Species> task = client.submit("iris_model", SETOSA, Species.class);

        assertThat(task.cancel()).isTrue();

        assertThat(task.isDone()).isTrue();
        assertThatThrownBy(() -> task.get(PATIENCE))
                .isInstanceOf(CancellationException.class)
                .hasMessageContaining(task.id().toString());
        assertThat(client.task(task.id()).state()).isEqualTo(TaskState.CANCELLED);
        assertThat(client.task(task.id()).finishedAt()).isNotNull();
    }

    @Test
    void aTaskThatAlreadyRanCannotBeCancelled() throws Exception {
        TaskHandle<Species> task = client.submit("iris_model", SETOSA, Species.class);
        task.get(PATIENCE);

        assertThat(task.cancel()).isFalse();
        assertThat(client.cancel(task.id())).isFalse();
        assertThat(server.requests()).contains("DELETE /api/tasks/" + task.id());
    }

    @Test
    void aHandleFoundByIdFollowsATaskSubmittedElsewhere() throws Exception {
        UUID id = client.submit("iris_model", SETOSA, Species.class).id();

        assertThat(client.handle(id, Species.class).get(PATIENCE)).isEqualTo(new Species("setosa"));
    }

    @Test
    void anUnknownTaskIsANotFoundProblemThatNamesTheTask() {
        UUID id = UUID.randomUUID();

        assertThatThrownBy(() -> client.task(id))
                .hasMessage("Unknown task " + id)
                .asInstanceOf(type(PredictionClientException.class))
                .satisfies(e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.title()).isEqualTo("Not Found");
                    assertThat(e.isClientError()).isTrue();
                });
    }

    @Test
    void submittingToAnUnknownModelSaysWhichModelsThereAre() {
        assertThatThrownBy(() -> client.submit("churn_model", SETOSA, Species.class))
                .isInstanceOf(PredictionClientException.class)
                .hasMessage("Unknown model 'churn_model'. Available models: iris_model");
    }

    @Test
    void anInputThatIsNoJsonObjectIsRefusedBeforeSending() {
        assertThatThrownBy(() -> client.submit("iris_model", "{\"sepal_length\": 5}", Species.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JSON object");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void noServerIsReportedWithWhereItWasLookedForAndHowToStartOne() {
        PredictionClient nowhere = PredictionClient.create(FakePredictionServer.addressWithoutServer());
        String address = nowhere.baseUrl().toString();

        assertThatThrownBy(() -> nowhere.submit("iris_model", SETOSA, Species.class))
                .hasMessage("No prediction server answers at " + address
                        + " (start one with 'prediction-batch serve', or point to it with --server URL)")
                .asInstanceOf(type(PredictionClientException.class))
                .satisfies(e -> assertThat(e.status()).isEqualTo(PredictionClientException.NO_RESPONSE));
    }

    @Test
    void synchronousPredictionReturnsTheTypedOutput() {
        assertThat(client.predict("iris_model", SETOSA, Species.class)).isEqualTo(new Species("setosa"));
    }

    @Test
    void synchronousPredictionOfABadRecordThrowsSchemaValidationExceptionWithTheViolations() {
        Map<String, Object> record = Map.of("sepal_length", 5.1, "sepal_width", 3.5, "petal_length", 1.4,
                "petal_width", "abc");

        assertThatThrownBy(() -> client.predict("iris_model", record, Species.class))
                .asInstanceOf(type(SchemaValidationException.class))
                .satisfies(e -> assertThat(e.violations())
                        .containsExactly(new FieldViolation("petal_width", "abc", "is not a number")));
    }

    @Test
    void synchronousPredictionTheModelRefusesThrowsModelException() {
        assertThatThrownBy(() -> client.predict("iris_model", new IrisInput(120, 3.5, 1.4, 0.2), Species.class))
                .isExactlyInstanceOf(ModelException.class)
                .hasMessage("No iris has a sepal 120.0 cm long");
    }

    @Test
    void tasksAreListedNewestFirstAndFilteredByStateModelAndLimit() throws Exception {
        server.model("echo_model", record -> record);
        TaskHandle<Species> first = client.submit("iris_model", SETOSA, Species.class);
        first.get(PATIENCE);
        TaskHandle<JsonNode> echo = client.submit("echo_model", Map.of("x", 1), JsonNode.class);
        echo.get(PATIENCE);
        server.holdTasks();
        TaskHandle<Species> queued = client.submit("iris_model", SETOSA, Species.class);

        assertThat(client.tasks(null, null, 0)).extracting(TaskInfo::id)
                .containsExactly(queued.id(), echo.id(), first.id());
        assertThat(client.tasks(TaskState.SUCCEEDED, null, 0)).extracting(TaskInfo::id)
                .containsExactly(echo.id(), first.id());
        assertThat(client.tasks(null, "iris_model", 1)).extracting(TaskInfo::id).containsExactly(queued.id());
        assertThat(server.requests()).contains("GET /api/tasks?state=SUCCEEDED", "GET /api/tasks?model=iris_model&limit=1");
    }

    @Test
    void modelsAreListedWithTheirSchemas() {
        server.model("echo_model", record -> record);

        assertThat(client.models()).extracting(ModelInfo::name).containsExactly("iris_model", "echo_model");
        ModelInfo iris = client.model("iris_model");
        assertThat(iris.version()).isEqualTo("1.0");
        assertThat(iris.inputSchema().get("type").asString()).isEqualTo("object");
    }

    @Test
    void aServerURLMustBeHttp() {
        assertThatThrownBy(() -> PredictionClient.create(java.net.URI.create("localhost:8080")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http://host:port");
    }

    private static long waitOf(String poll) {
        return Long.parseLong(poll.substring(poll.indexOf("?wait=") + 6, poll.length() - 2));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
