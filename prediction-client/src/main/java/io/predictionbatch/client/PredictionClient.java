package io.predictionbatch.client;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.predictionbatch.model.ModelException;
import io.predictionbatch.model.SchemaValidationException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Client of a prediction server ({@code prediction-batch serve}) over its REST API: submits
 * single-record prediction tasks and follows them, asks for synchronous predictions, lists tasks
 * and models.
 *
 * <pre>{@code
 * PredictionClient client = PredictionClient.create(URI.create("http://127.0.0.1:8080"));
 * TaskHandle<Species> task = client.submit("iris_model", new IrisInput(5.1, 3.5, 1.4, 0.2), Species.class);
 * Species species = task.get(Duration.ofSeconds(10));
 * }</pre>
 *
 * <p>Thread-safe; create one per application and share it. Inputs are any object that Jackson
 * writes as a JSON object (a record, a bean, a {@code Map}, an {@code ObjectNode}); outputs are read
 * from the prediction JSON into the type the caller names (a record, a {@code Map}, a
 * {@code JsonNode}). A request the server refuses or cannot serve throws
 * {@link PredictionClientException}; a record the model refuses throws the model's
 * {@link SchemaValidationException} or {@link ModelException}. Methods that do not wait on
 * purpose turn an interrupt into a {@code PredictionClientException}, keeping the thread's
 * interrupt flag set.
 */
public final class PredictionClient {

    /** How long one request may take when the caller sets nothing else. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final ServerConnection server;

    private PredictionClient(ServerConnection server) {
        this.server = server;
    }

    /** A client of the server at {@code baseUrl} ({@code http://127.0.0.1:8080}) with default settings. */
    public static PredictionClient create(URI baseUrl) {
        return builder(baseUrl).build();
    }

    /** Starts configuring a client of the server at {@code baseUrl}. */
    public static Builder builder(URI baseUrl) {
        return new Builder(baseUrl);
    }

    /** The server's address, as given. */
    public URI baseUrl() {
        return URI.create(server.baseUrl());
    }

    /**
     * Queues one record for a model and returns at once, with a handle to follow the task.
     *
     * @param model the model's qualified name ({@code iris_model})
     * @param input the record: an object Jackson writes as a JSON object
     * @param outputType the type {@link TaskHandle#get} reads the prediction into
     * @throws PredictionClientException for an unknown model (404), a record the server refuses
     *         (400, 413) or no server
     * @throws IllegalArgumentException when {@code input} is no JSON object (a string, a list)
     */
    public <O> TaskHandle<O> submit(String model, Object input, Class<O> outputType) {
        Objects.requireNonNull(outputType, "outputType");
        HttpResponse<byte[]> response = server.call("POST", modelPath(model) + "/tasks", recordBody(input));
        return new TaskHandle<>(this, server.read(response, TaskInfo.class), outputType);
    }

    /**
     * A handle on a task submitted earlier (by this process or another), known by its id.
     * Nothing is asked of the server until the handle is used.
     */
    public <O> TaskHandle<O> handle(UUID id, Class<O> outputType) {
        return new TaskHandle<>(this, Objects.requireNonNull(id, "id"), Objects.requireNonNull(outputType, "outputType"));
    }

    /**
     * Predicts one record synchronously: the server runs the model while the request waits.
     *
     * @throws SchemaValidationException when the record breaks the model's input schema (422),
     *         with each bad field
     * @throws ModelException when the model refuses the record for another reason
     * @throws PredictionClientException for an unknown model, a refused request or no server
     */
    public <O> O predict(String model, Object input, Class<O> outputType) {
        Objects.requireNonNull(outputType, "outputType");
        String path = modelPath(model) + "/predict";
        HttpResponse<byte[]> response = server.call("POST", path, recordBody(input), 422);
        if (response.statusCode() == 422) {
            Problem problem = server.problemOf(response, "POST", path);
            throw problem.violations().isEmpty() ? new ModelException(problem.detail())
                    : new SchemaValidationException(problem.violations());
        }
        return server.read(response, outputType);
    }

    /**
     * The task as it is now.
     *
     * @throws PredictionClientException when the server knows no such task (404), or for no server
     */
    public TaskInfo task(UUID id) {
        return server.read(server.call("GET", taskPath(id), null), TaskInfo.class);
    }

    /**
     * Cancels a task that is still queued.
     *
     * @return {@code true} when the task is now cancelled (or already was), {@code false} when a
     *         worker already took it (running or done: 409)
     * @throws PredictionClientException when the server knows no such task (404), or for no server
     */
    public boolean cancel(UUID id) {
        return cancelTask(id) != null;
    }

    /**
     * The latest tasks, newest first.
     *
     * @param state only tasks in this state, or {@code null} for all
     * @param model only tasks of this model, or {@code null} for all
     * @param limit at most this many (the server allows up to 1000), or 0 for the server's default (50)
     */
    public List<TaskInfo> tasks(TaskState state, String model, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be 0 (the server's default) or more, not " + limit);
        }
        List<String> query = new ArrayList<>();
        if (state != null) {
            query.add("state=" + state.name());
        }
        if (model != null) {
            query.add("model=" + encode(model));
        }
        if (limit > 0) {
            query.add("limit=" + limit);
        }
        String path = "/api/tasks" + (query.isEmpty() ? "" : "?" + String.join("&", query));
        return server.read(server.call("GET", path, null), new TypeReference<List<TaskInfo>>() { });
    }

    /** The models the server hosts. */
    public List<ModelInfo> models() {
        return server.read(server.call("GET", "/api/models", null), new TypeReference<List<ModelInfo>>() { });
    }

    /**
     * One hosted model.
     *
     * @throws PredictionClientException when the server hosts no such model (404), or for no server
     */
    public ModelInfo model(String name) {
        return server.read(server.call("GET", modelPath(name), null), ModelInfo.class);
    }

    /** One long poll: the task once it is final or once the server's wait ran out. */
    TaskInfo poll(UUID id, Duration wait) throws InterruptedException {
        String path = taskPath(id) + "?wait=" + WaitParameter.format(wait);
        return server.read(server.send("GET", path, null, wait), TaskInfo.class);
    }

    /** The cancelled task, or {@code null} when it had already started. */
    TaskInfo cancelTask(UUID id) {
        HttpResponse<byte[]> response = server.call("DELETE", taskPath(id), null, 409);
        return response.statusCode() == 409 ? null : server.read(response, TaskInfo.class);
    }

    /** Reads a prediction into the caller's type; a mismatch names both. */
    <O> O convert(JsonNode result, Class<O> outputType, UUID id) {
        try {
            return server.mapper().treeToValue(result, outputType);
        } catch (JacksonException e) {
            throw new PredictionClientException("The result of task " + id + " (" + result + ") does not read as "
                    + outputType.getName() + ": " + e.getOriginalMessage(), e);
        }
    }

    private byte[] recordBody(Object input) {
        Objects.requireNonNull(input, "input");
        JsonNode record = server.mapper().valueToTree(input);
        if (!record.isObject()) {
            throw new IllegalArgumentException("A record must be written as a JSON object, but the "
                    + input.getClass().getName() + " given is written as " + record.getNodeType()
                    + "; to send JSON text, parse it into a JsonNode first");
        }
        return server.mapper().writeValueAsBytes(record);
    }

    private static String modelPath(String model) {
        Objects.requireNonNull(model, "model");
        return "/api/models/" + encode(model);
    }

    private static String taskPath(UUID id) {
        return "/api/tasks/" + Objects.requireNonNull(id, "id");
    }

    private static String encode(String value) {
        // URLEncoder encodes for forms; in a path and a query "%20" is the space everyone reads.
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Settings of a {@link PredictionClient}; every one is optional. */
    public static final class Builder {

        private final URI baseUrl;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private HttpClient httpClient;
        private ObjectMapper mapper;

        private Builder(URI baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        }

        /**
         * How long one request may take (default 30 s). A long poll may take its wait on top.
         */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
            return this;
        }

        /**
         * The HTTP client to send with, for an application's own proxy, TLS or executor settings.
         * The default one connects within 5 s and speaks HTTP/1.1.
         */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /**
         * The mapper that writes inputs and reads outputs, for types that need an application's own
         * Jackson modules. Unknown properties in the server's JSON are ignored either way.
         */
        public Builder mapper(ObjectMapper mapper) {
            this.mapper = Objects.requireNonNull(mapper, "mapper");
            return this;
        }

        public PredictionClient build() {
            String scheme = baseUrl.getScheme();
            if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) || baseUrl.getHost() == null) {
                throw new IllegalArgumentException("The prediction server's URL must look like http://host:port, not '"
                        + baseUrl + "'");
            }
            if (requestTimeout.isNegative() || requestTimeout.isZero()) {
                throw new IllegalArgumentException("requestTimeout must be positive, not " + requestTimeout);
            }
            HttpClient http = httpClient != null ? httpClient : HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    // Plain HTTP/1.1: no h2c upgrade attempt that servers and proxies handle unevenly.
                    .version(HttpClient.Version.HTTP_1_1)
                    // This client only sends synchronously, into byte arrays, which never block: its
                    // completions can run on the HTTP client's own thread instead of hopping through
                    // a pool (a quarter off each request's latency, half its CPU, on loopback).
                    .executor(Runnable::run)
                    .build();
            // A newer server may add fields; this client reads the ones it knows.
            ObjectMapper json = mapper != null
                    ? mapper.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                    : JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
            return new PredictionClient(new ServerConnection(baseUrl, http, requestTimeout, json));
        }
    }
}
