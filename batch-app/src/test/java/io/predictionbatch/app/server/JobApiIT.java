package io.predictionbatch.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The job API of {@code serve} in embedded mode, over real HTTP: launch, follow, rejected records,
 * stop and restart with nothing lost, and every refusal as a problem: no token, a path outside
 * the data directories, a bad request, an unknown job, a state that does not allow it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, args = "serve", properties = {
        "spring.datasource.url=jdbc:h2:mem:job-api;DB_CLOSE_DELAY=-1",
        "prediction.home=target/job-api-it",
        "prediction.server.token=t0ken"})
class JobApiIT {

    private static final Path DATA = TempFolders.create("job-api-data");
    private static final Path OUTSIDE = TempFolders.create("job-api-outside");

    @DynamicPropertySource
    static void dataDirectories(DynamicPropertyRegistry registry) {
        registry.add("prediction.server.data-dirs", DATA::toString);
    }

    @LocalServerPort
    int port;

    private Http http;

    @BeforeEach
    void setUp() {
        http = new Http("http://127.0.0.1:" + port).withToken("t0ken");
    }

    @Test
    void launchesAJobAndFollowsItWithItsPartitionsAndRejectedRecords() throws Exception {
        irisRows(DATA.resolve("small.csv"), 5_000);
        Http.Response accepted = http.post("/api/jobs",
                "{\"input\":\"small.csv\",\"output\":\"small-out.csv\",\"key\":\"id\",\"partitions\":2}");
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        String location = accepted.location().orElseThrow();
        long id = accepted.json().get("id").asLong();
        assertThat(location).isEqualTo("/api/jobs/" + id);

        JsonNode detail = awaitJob(location, job -> job.get("status").asString().equals("COMPLETED"));
        JsonNode job = detail.get("job");
        assertThat(job.get("totalRecords").asLong()).isEqualTo(5_000);
        assertThat(job.get("model").asString() + " " + job.get("modelVersion").asString()).isEqualTo("iris_model 1.0.0");
        assertThat(job.get("doneRecords").asLong()).isEqualTo(5_000);
        assertThat(job.get("rejectedRecords").asLong()).isEqualTo(5);
        assertThat(job.get("percentDone").asDouble()).isEqualTo(100.0);
        assertThat(job.get("input").asString()).isEqualTo(DATA.resolve("small.csv").toString());
        assertThat(detail.get("failureReason").isNull()).isTrue();
        assertThat(detail.get("partitions")).hasSize(2);
        assertThat(detail.get("partitions").get(0).get("ranOn").asString()).contains(":");
        assertThat(detail.get("firstRejects")).hasSize(5);
        assertThat(detail.get("firstRejects").get(0).get("line").asLong()).isEqualTo(1001);
        assertThat(detail.get("firstRejects").get(0).get("reason").asString()).contains("'broken' is not a number");
        assertThat(Files.exists(DATA.resolve("small-out.csv"))).isTrue();

        JsonNode page = http.get(location + "/rejects?offset=3&limit=10").json();
        assertThat(page).hasSize(2);
        assertThat(page.get(0).get("line").asLong()).isEqualTo(4001);

        assertThat(ids(http.get("/api/jobs?status=COMPLETED&model=iris_model").json())).contains(id);
        assertThat(ids(http.get("/api/jobs?status=FAILED").json())).doesNotContain(id);
        assertThat(ids(http.get("/api/jobs?model=text_stats").json())).isEmpty();
    }

    @Test
    void stopsAJobAtAChunkBoundaryAndRestartsItWithEveryRecordExactlyOnce() throws Exception {
        int rows = 400_000;
        irisRows(DATA.resolve("long.csv"), rows);
        Http.Response accepted = http.post("/api/jobs",
                "{\"input\":\"long.csv\",\"output\":\"long-out.csv\",\"key\":\"id\",\"chunkSize\":100}");
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        String location = accepted.location().orElseThrow();
        awaitJob(location, job -> job.get("doneRecords").asLong() > 0);

        Http.Response stopping = http.post(location + "/stop", "");
        assertThat(stopping.status()).as(stopping.text()).isEqualTo(202);
        JsonNode stopped = awaitJob(location, job -> job.get("status").asString().equals("STOPPED"));
        assertThat(stopped.get("job").get("doneRecords").asLong()).isLessThan(rows);
        assertThat(stopped.get("failureReason").asString()).contains("stopped on request");
        stopped.get("partitions").forEach(partition -> assertThat(partition.get("status").asString()).isEqualTo("STOPPED"));
        Http.Response again = http.post(location + "/stop", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("status").asString()).isEqualTo("STOPPED");

        Http.Response restarted = http.post(location + "/restart", "");
        assertThat(restarted.status()).as(restarted.text()).isEqualTo(202);
        JsonNode completed = awaitJob(location, job -> job.get("status").asString().equals("COMPLETED"));
        assertThat(completed.get("job").get("executions").asInt()).isEqualTo(2);
        assertThat(completed.get("job").get("doneRecords").asLong()).isEqualTo(rows);
        assertEveryLineOnce(DATA.resolve("long-out.csv"), DATA.resolve("long-out.errors.csv"), rows);

        Http.Response done = http.post(location + "/restart", "");
        assertThat(done.status()).isEqualTo(409);
        assertThat(done.json().get("detail").asString()).contains("already completed");
    }

    @Test
    void exposesTheJobsTasksAndSpringBatchObservationsAsPrometheusMetrics() throws Exception {
        irisRows(DATA.resolve("metrics.csv"), 2_000);
        String location = http.post("/api/jobs", "{\"input\":\"metrics.csv\",\"output\":\"metrics-out.csv\"}")
                .location().orElseThrow();
        awaitJob(location, job -> job.get("status").asString().equals("COMPLETED"));
        String task = http.post("/api/models/iris_model/tasks",
                "{\"sepal_length\":5.1,\"sepal_width\":3.5,\"petal_length\":1.4,\"petal_width\":0.2}").location()
                .orElseThrow();
        assertThat(http.get(task + "?wait=10s").json().get("state").asString()).isEqualTo("SUCCEEDED");

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String metrics;
        while (!(metrics = http.get("/actuator/prometheus").text())
                .contains("prediction_jobs{model=\"iris_model\",status=\"COMPLETED\"}")
                || !metrics.contains("prediction_tasks{model=\"iris_model\",state=\"SUCCEEDED\"}")) {
            assertThat(System.nanoTime()).as(metrics).isLessThan(deadline);
            Thread.sleep(200);
        }
        assertThat(metrics).contains("prediction_job_records{model=\"iris_model\",outcome=\"rejected\",status=\"COMPLETED\"}")
                .contains("prediction_task_latency_seconds_bucket{model=\"iris_model\"")
                .as("the model's load, timed once when the job first needed it")
                .contains("prediction_model_load_seconds_count{model=\"iris_model\",version=\"1.0.0\"} 1")
                .contains("spring_batch_job_seconds_count{").contains("spring_batch_step_seconds_count{")
                .contains("spring_batch_chunk_write_seconds_count{")
                .as("an item of the partition step is a block of records, observed like any item")
                .contains("spring_batch_item_read_seconds_count{", "spring_batch_item_process_seconds_count{");
    }

    @Test
    void asksForTheToken() {
        Http anonymous = new Http("http://127.0.0.1:" + port);
        Http.Response refused = anonymous.get("/api/jobs");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.withToken("guess").get("/api/tasks").status()).isEqualTo(401);
        assertThat(anonymous.get("/").status()).as("the page itself holds no data").isEqualTo(200);
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void refusesFilesOutsideTheDataDirectoriesBeforeLookingAtThem() throws Exception {
        irisRows(OUTSIDE.resolve("secret.csv"), 10);
        irisRows(DATA.resolve("inside.csv"), 10);
        Files.createSymbolicLink(DATA.resolve("link.csv"), OUTSIDE.resolve("secret.csv"));
        for (String request : List.of(
                "{\"input\":\"" + OUTSIDE.resolve("secret.csv") + "\",\"output\":\"o.csv\"}",
                "{\"input\":\"../" + OUTSIDE.getFileName() + "/secret.csv\",\"output\":\"o.csv\"}",
                "{\"input\":\"link.csv\",\"output\":\"o.csv\"}",
                "{\"input\":\"inside.csv\",\"output\":\"" + OUTSIDE.resolve("o.csv") + "\"}",
                "{\"input\":\"inside.csv\",\"output\":\"o.csv\",\"errors\":\"../" + OUTSIDE.getFileName() + "/e.csv\"}",
                "{\"input\":\"/etc/missing.csv\",\"output\":\"o.csv\"}")) {
            Http.Response refused = http.post("/api/jobs", request);
            assertThat(refused.status()).as(request + " -> " + refused.text()).isEqualTo(403);
            assertThat(refused.json().get("detail").asString()).contains("outside the server's data directories");
        }
        assertThat(Files.exists(OUTSIDE.resolve("o.csv"))).isFalse();
    }

    @Test
    void answersBadRequestsWithProblems() throws Exception {
        Files.writeString(DATA.resolve("no-columns.csv"), "a,b\n1,2\n");
        assertProblem(http.post("/api/jobs", "{\"input\":\"x.txt\",\"output\":\"o.csv\"}"), 400, "Cannot tell the format");
        assertProblem(http.post("/api/jobs", "{\"output\":\"o.csv\"}"), 400, "Name the input file");
        assertProblem(http.post("/api/jobs", "{\"input\":\"a.csv\"}"), 400, "either an output file or the output table");
        assertProblem(http.post("/api/jobs", "{\"input\":\"a.csv\",\"output\":\"o.csv\",\"partitions\":0}"), 400,
                "--partitions must be at least 1");
        assertProblem(http.post("/api/jobs", "not json"), 400, "not a JSON object");
        assertProblem(http.post("/api/jobs", "{\"model\":\"nope\",\"input\":\"a.csv\",\"output\":\"o.csv\"}"), 404,
                "nope");
        assertProblem(http.post("/api/jobs", "{\"input\":\"missing.csv\",\"output\":\"o.csv\"}"), 422, "missing.csv");
        assertProblem(http.post("/api/jobs", "{\"input\":\"no-columns.csv\",\"output\":\"o.csv\"}"), 422, "petal_width");
        assertProblem(http.get("/api/jobs/999999"), 404, "No job with id 999999");
        assertProblem(http.get("/api/jobs/999999/rejects"), 404, "No job with id 999999");
        assertProblem(http.post("/api/jobs/999999/stop", ""), 404, "No job with id 999999");
        assertProblem(http.post("/api/jobs/999999/restart", ""), 404, "No job with id 999999");
        assertProblem(http.get("/api/jobs/abc"), 400, "'abc' is not a valid id");
        assertProblem(http.get("/api/jobs?limit=0"), 400, "limit must be between 1 and 1000");
    }

    private static void assertProblem(Http.Response response, int status, String detail) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains(detail);
    }

    private JsonNode awaitJob(String location, Predicate<JsonNode> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            JsonNode detail = http.get(location).json();
            if (condition.test(detail.get("job"))) {
                return detail;
            }
            assertThat(System.nanoTime()).as("job at " + location + " still " + detail.get("job")).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static Set<Long> ids(JsonNode jobs) {
        Set<Long> ids = new HashSet<>();
        jobs.forEach(job -> ids.add(job.get("id").asLong()));
        return ids;
    }

    /** Rows of Iris features, line i + 1 holding id i; every 1000th row has a broken petal_width. */
    private static void irisRows(Path file, int rows) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("id,sepal_length,sepal_width,petal_length,petal_width\n");
            for (int i = 1; i <= rows; i++) {
                out.write(String.format(Locale.ROOT, "%d,%.1f,%.1f,%.1f,%s%n", i, 4.3 + i % 36 / 10.0,
                        2.0 + i % 24 / 10.0, 1.0 + i % 59 / 10.0, i % 1000 == 0 ? "broken" : "" + (0.1 + i % 24 / 10.0)));
            }
        }
    }

    /** Every data line is in the output or the errors file, once (the key column holds line - 1). */
    private static void assertEveryLineOnce(Path output, Path errors, int rows) throws IOException {
        Set<Integer> seen = new HashSet<>();
        for (Path file : List.of(output, errors)) {
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                assertThat(seen.add(Integer.parseInt(line.substring(0, line.indexOf(','))))).as(line).isTrue();
            }
        }
        assertThat(seen).hasSize(rows);
    }
}
