package io.predictionbatch.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The REST calls the benchmark makes, over one HTTP/1.1 keep-alive connection per client thread
 * (each thread owns its {@link HttpClient}, so no thread waits for another's connection). Bodies
 * are read with two regular expressions rather than a JSON library: the benchmark must not
 * measure its own parsing, and it needs only the id, the state and whether a result came back.
 */
final class TaskApiClient {

    static final class ApiException extends IOException {
        ApiException(String message) {
            super(message);
        }
    }

    /** What a {@code GET /api/tasks/{id}} returned. */
    record TaskReply(String state, boolean hasResult) {
        boolean isFinal() {
            return "SUCCEEDED".equals(state) || "FAILED".equals(state) || "CANCELLED".equals(state);
        }
    }

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
    private static final Pattern STATE = Pattern.compile("\"state\"\\s*:\\s*\"([A-Z_]+)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI predict;
    private final URI submit;
    private final String tasks;
    private final String wait;

    /**
     * @param direct run response handling on the client's selector thread instead of handing it
     *     to a pool thread: one thread hop less per request
     */
    TaskApiClient(String baseUrl, String model, String wait, boolean direct) {
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5));
        if (direct) {
            builder.executor((Executor) Runnable::run);
        }
        this.http = builder.build();
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.predict = URI.create(base + "/api/models/" + model + "/predict");
        this.submit = URI.create(base + "/api/models/" + model + "/tasks");
        this.tasks = base + "/api/tasks/";
        this.wait = wait;
    }

    /** {@code POST .../predict}: the body of the 200 answer. */
    String predict(String record) throws IOException, InterruptedException {
        return expect(200, post(predict, record), "predict");
    }

    /** {@code POST .../tasks}: the new task's id. */
    String submit(String record) throws IOException, InterruptedException {
        String body = expect(202, post(submit, record), "submit");
        Matcher id = ID.matcher(body);
        if (!id.find()) {
            throw new ApiException("submit answered without a task id: " + body);
        }
        return id.group(1);
    }

    /** {@code GET /api/tasks/{id}?wait=...}: one long poll. */
    TaskReply poll(String id) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(tasks + id + "?wait=" + wait)).timeout(TIMEOUT)
                .header("Accept", "application/json").GET().build();
        String body = expect(200, http.send(request, HttpResponse.BodyHandlers.ofString()), "poll");
        Matcher state = STATE.matcher(body);
        if (!state.find()) {
            throw new ApiException("task " + id + " answered without a state: " + body);
        }
        return new TaskReply(state.group(1), body.contains("\"result\":{"));
    }

    /**
     * Long-polls until the task ends, at most {@code maxPolls} times.
     *
     * @throws ApiException when it has not ended by then, or ended otherwise than SUCCEEDED with a result
     */
    void awaitSuccess(String id, int maxPolls) throws IOException, InterruptedException {
        for (int i = 0; i < maxPolls; i++) {
            TaskReply reply = poll(id);
            if (reply.isFinal()) {
                if (!"SUCCEEDED".equals(reply.state()) || !reply.hasResult()) {
                    throw new ApiException("task " + id + " ended " + reply.state() + (reply.hasResult() ? "" : " without result"));
                }
                return;
            }
        }
        throw new ApiException("task " + id + " has not ended after " + maxPolls + " polls of " + wait);
    }

    /** {@code GET /api/tasks?state=SUCCEEDED&limit=N}: the latest succeeded tasks, as the raw JSON array. */
    String latestSucceeded(int limit) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(tasks.substring(0, tasks.length() - 1)
                + "?state=SUCCEEDED&limit=" + limit)).timeout(TIMEOUT).header("Accept", "application/json").GET().build();
        return expect(200, http.send(request, HttpResponse.BodyHandlers.ofString()), "list tasks");
    }

    private HttpResponse<String> post(URI uri, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String expect(int status, HttpResponse<String> response, String what) throws ApiException {
        if (response.statusCode() != status) {
            throw new ApiException(what + " answered " + response.statusCode() + " (expected " + status + "): "
                    + response.body());
        }
        return response.body();
    }
}
