package io.predictionbatch.app.cli.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.predictionbatch.client.FakePredictionServer;
import io.predictionbatch.client.PredictionClient;
import io.predictionbatch.client.TaskHandle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TaskCommandTest {

    private static final String SETOSA =
            "{\"sepal_length\": 5.1, \"sepal_width\": 3.5, \"petal_length\": 1.4, \"petal_width\": 0.2}";
    private static final String BAD_WIDTH =
            "{\"sepal_length\": 5.1, \"sepal_width\": 3.5, \"petal_length\": 1.4, \"petal_width\": \"abc\"}";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FakePredictionServer server = FakePredictionServer.start();
    private final PredictionClient client = PredictionClient.create(server.uri());
    private final Map<String, String> env = Map.of("PREDICTION_SERVER_URL", server.uri().toString());

    @TempDir
    Path dir;

    record Result(int exitCode, String out, String err) {
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void submitPrintsTheTaskIdOfAQueuedTask() {
        server.holdTasks();

        Result result = task("submit", "--model", "iris_model", SETOSA);

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        UUID id = UUID.fromString(result.out().strip());
        assertThat(client.task(id).input().get("sepal_length").asDouble()).isEqualTo(5.1);
    }

    @Test
    void submitWithWaitPrintsThePredictionAsJson() {
        Result result = task("submit", "-m", "iris_model", "--wait", "10s", SETOSA);

        assertThat(result.exitCode()).isZero();
        assertThat(json(result.out())).isEqualTo(json("{\"species\": \"setosa\"}"));
        assertThat(result.err()).isEmpty();
    }

    @Test
    void submitWithWaitTellsEachBadFieldOnStandardErrorAndExitsOne() {
        Result result = task("submit", "--model", "iris_model", "--wait", "10s", BAD_WIDTH);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).matches("error: task [0-9a-f-]{36} failed: the record does not fit model 'iris_model':\n"
                + "  petal_width: 'abc' is not a number\n");
    }

    @Test
    void submitWithWaitTellsTheModelsRefusalOnStandardErrorAndExitsOne() {
        Result result = task("submit", "--model", "iris_model", "--wait", "10s",
                "{\"sepal_length\": 120, \"sepal_width\": 3.5, \"petal_length\": 1.4, \"petal_width\": 0.2}");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).matches("error: task [0-9a-f-]{36} failed: No iris has a sepal 120.0 cm long\n");
    }

    @Test
    void submitWithWaitSaysWhenTheTaskIsNotDoneInTime() {
        server.holdTasks();

        Result result = task("submit", "--model", "iris_model", "--wait", "200ms", SETOSA);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).matches("error: task [0-9a-f-]{36} is still QUEUED after 200ms; wait longer with:"
                + " prediction-batch task get [0-9a-f-]{36} --wait 1m\n");
    }

    @Test
    void submitReadsTheRecordFromAFileNamedWithAnAt() throws IOException {
        Path record = Files.writeString(dir.resolve("setosa.json"), SETOSA);

        Result result = task("submit", "--model", "iris_model", "--wait", "10s", "@" + record);

        assertThat(result.exitCode()).isZero();
        assertThat(json(result.out()).get("species").asString()).isEqualTo("setosa");
    }

    @Test
    void submitReadsTheRecordFromStandardInputForADash() {
        Result result = task(new ByteArrayInputStream(SETOSA.getBytes(StandardCharsets.UTF_8)),
                "submit", "--model", "iris_model", "--wait", "10s", "-");

        assertThat(result.exitCode()).isZero();
        assertThat(json(result.out()).get("species").asString()).isEqualTo("setosa");
    }

    @Test
    void aMalformedRecordIsAUsageErrorThatSaysWhereTheJsonBreaks() {
        Result result = task("submit", "--model", "iris_model", "{\"sepal_length\": 5.1,");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("error: The record (argument) is not valid JSON: ")
                .contains("at line 1, column ")
                .endsWith("give one JSON object, e.g. '{\"field\": 1.0}'\n")
                .hasLineCount(1);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aRecordThatIsNoObjectIsAUsageError() {
        Result result = task("submit", "--model", "iris_model", "[5.1, 3.5, 1.4, 0.2]");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: The record (argument) must be one JSON object ({...}), not array"
                + " [5.1, 3.5, 1.4, 0.2]\n");
    }

    @Test
    void aMissingRecordFileIsAUsageErrorNamingTheFile() {
        Result result = task("submit", "--model", "iris_model", "@" + dir.resolve("missing.json"));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: Cannot read the record: there is no file "
                + dir.resolve("missing.json").toAbsolutePath() + "\n");
    }

    @Test
    void anUnknownModelIsAUsageErrorListingTheModels() {
        Result result = task("submit", "--model", "churn_model", SETOSA);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: Unknown model 'churn_model'. Available models: iris_model\n");
    }

    @Test
    void getPrintsASucceededTaskAsJsonAndExitsZero() throws Exception {
        TaskHandle<JsonNode> submitted = client.submit("iris_model", json(SETOSA), JsonNode.class);
        submitted.get(Duration.ofSeconds(10));

        Result result = task("get", submitted.id().toString());

        assertThat(result.exitCode()).isZero();
        JsonNode printed = json(result.out());
        assertThat(printed.get("id").asString()).isEqualTo(submitted.id().toString());
        assertThat(printed.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(printed.get("result").get("species").asString()).isEqualTo("setosa");
        assertThat(printed.get("submittedAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(result.out()).contains("\n  \"model\"");
    }

    @Test
    void getWithWaitWaitsForTheTaskToEnd() {
        String id = task("submit", "--model", "iris_model", SETOSA).out().strip();

        Result result = task("get", id, "--wait", "10s");

        assertThat(result.exitCode()).isZero();
        assertThat(json(result.out()).get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(server.requests()).contains("GET /api/tasks/" + id + "?wait=10s");
    }

    @Test
    void getExitsOneForAFailedTaskAndPrintsItsViolations() {
        String id = task("submit", "--model", "iris_model", BAD_WIDTH).out().strip();

        Result result = task("get", "--wait", "10s", id);

        assertThat(result.exitCode()).isEqualTo(1);
        JsonNode error = json(result.out()).get("error");
        assertThat(error.get("violations").get(0).get("field").asString()).isEqualTo("petal_width");
        assertThat(error.get("violations").get(0).get("reason").asString()).isEqualTo("is not a number");
    }

    @Test
    void getExitsOneForACancelledTask() {
        server.holdTasks();
        String id = task("submit", "--model", "iris_model", SETOSA).out().strip();
        client.cancel(UUID.fromString(id));

        Result result = task("get", id);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(json(result.out()).get("state").asString()).isEqualTo("CANCELLED");
    }

    @Test
    void getOfAnUnknownTaskIsAUsageError() {
        UUID id = UUID.randomUUID();

        Result result = task("get", id.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: Unknown task " + id + "\n");
    }

    @Test
    void aTaskIdThatIsNoUuidIsAUsageError() {
        Result result = task("get", "42");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("'42' is not a task id").hasLineCount(1);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void listPrintsATableNewestFirstAndFiltersByState() throws Exception {
        TaskHandle<JsonNode> done = client.submit("iris_model", json(SETOSA), JsonNode.class);
        done.get(Duration.ofSeconds(10));
        server.holdTasks();
        TaskHandle<JsonNode> queued = client.submit("iris_model", json(SETOSA), JsonNode.class);

        Result all = task("list");
        Result succeeded = task("list", "--state", "succeeded", "--limit", "5");

        assertThat(all.exitCode()).isZero();
        assertThat(all.out().lines().toList()).hasSize(3).satisfiesExactly(
                header -> assertThat(header).matches("ID +STATE +MODEL +SUBMITTED +LATENCY"),
                first -> assertThat(first).matches(queued.id() + " +QUEUED +iris_model +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d +-"),
                second -> assertThat(second).matches(done.id() + " +SUCCEEDED +iris_model +[-0-9: ]{19} +\\d+ ms"));
        assertThat(succeeded.out().lines().skip(1).toList()).singleElement().asString().startsWith(done.id().toString());
        assertThat(server.requests()).contains("GET /api/tasks?state=SUCCEEDED&limit=5");
    }

    @Test
    void listSaysSoWhenThereAreNoTasks() {
        Result result = task("list");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("No tasks yet.");
    }

    @Test
    void anUnknownStateIsAUsageErrorNamingTheStates() {
        Result result = task("list", "--state", "done");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED").hasLineCount(1);
    }

    @Test
    void cancelCancelsAQueuedTask() {
        server.holdTasks();
        String id = task("submit", "--model", "iris_model", SETOSA).out().strip();

        Result result = task("cancel", id);

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("Task " + id + " cancelled\n");
    }

    @Test
    void cancellingATaskThatRanSaysItsStateAndThatOnlyQueuedTasksCanBeCancelled() throws Exception {
        TaskHandle<JsonNode> done = client.submit("iris_model", json(SETOSA), JsonNode.class);
        done.get(Duration.ofSeconds(10));

        Result result = task("cancel", done.id().toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: Task " + done.id()
                + " is SUCCEEDED; only queued tasks can be cancelled\n");
    }

    @Test
    void noServerIsAFailureThatSaysWhereItWasLookedForAndHowToStartOne() {
        String nowhere = FakePredictionServer.addressWithoutServer().toString();

        Result result = task("list", "--server", nowhere);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("error: No prediction server answers at " + nowhere
                + " (start one with 'prediction-batch serve', or point to it with --server URL)\n");
    }

    @Test
    void helpShowsTheServerOptionAndItsDefaults() {
        Result result = run(InputStream.nullInputStream(), Map.of(), "task", "list", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().replaceAll("\\s+", " ")).contains("Usage: prediction-batch task list", "--server=URL",
                "$PREDICTION_SERVER_URL, else http://127.0.0.1:8080");
    }

    @Test
    void aMissingOptionIsAOneLineUsageError() {
        Result result = task("submit", SETOSA);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: Missing required option: '--model=NAME'"
                + " (see 'prediction-batch task submit --help')\n");
    }

    @Test
    void aBadWaitIsAUsageErrorThatShowsTheForm() {
        Result result = task("submit", "--model", "iris_model", "--wait", "10", SETOSA);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("'10' is not a duration: give a number and a unit, such as 500ms, 10s or 2m");
    }

    @Test
    void taskAloneAsksForASubcommand() {
        Result result = task();

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: Missing command: try submit, get, list or cancel");
    }

    private Result task(String... args) {
        return task(InputStream.nullInputStream(), args);
    }

    private Result task(InputStream stdin, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "task";
        System.arraycopy(args, 0, command, 1, args.length);
        return run(stdin, env, command);
    }

    private static Result run(InputStream stdin, Map<String, String> env, String... command) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = TaskCommand.execute(command, stdin, new PrintWriter(out), new PrintWriter(err), env);
        return new Result(exitCode, out.toString(), err.toString());
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
