package io.predictionbatch.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.predictionbatch.model.FieldViolation;
import io.predictionbatch.model.ModelException;
import io.predictionbatch.model.SchemaValidationException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A prediction server in miniature, on the JDK's HTTP server at 127.0.0.1 and a free port, that
 * speaks the REST contract of {@code prediction-batch serve}: task submission, long polls,
 * cancellation, listing, synchronous predictions, models, and RFC 9457 problems for errors.
 * Its tasks run on one background thread, or stay queued until {@link #runQueued()} when the test
 * {@link #holdTasks() holds them}. It records every request it receives.
 *
 * <p>It hosts {@code iris_model}: the four Iris measurements in, {@code {"species": ...}} out;
 * a field that is missing or not a number breaks the schema, a sepal longer than 100 cm is refused
 * by the model. Tests add models of their own with {@link #model}.
 */
public final class FakePredictionServer implements AutoCloseable {

    public static final String IRIS = "iris_model";
    private static final List<String> IRIS_FIELDS = List.of("sepal_length", "sepal_width", "petal_length", "petal_width");
    private static final int MAX_BODY = 64 * 1024;
    private static final Pattern TASK_PATH = Pattern.compile("/api/tasks/([^/]+)");
    private static final Pattern MODEL_PATH = Pattern.compile("/api/models/([^/]+)(/tasks|/predict)?");
    private static final Pattern WAIT = Pattern.compile("(\\d+)(ms|s|m)");

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final Map<String, Function<JsonNode, Object>> models = new LinkedHashMap<>();
    private final Map<UUID, Task> tasks = new LinkedHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile boolean hold;
    private volatile Duration maxWait = Duration.ofSeconds(60);

    private FakePredictionServer() throws IOException {
        models.put(IRIS, FakePredictionServer::iris);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(handlers);
        server.start();
    }

    /** Starts a server; close it after the test. */
    public static FakePredictionServer start() {
        try {
            return new FakePredictionServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An address where no server listens: a port just freed. */
    public static URI addressWithoutServer() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * Hosts another model. {@code predict} returns the prediction (an object Jackson writes) or
     * throws the model's {@link SchemaValidationException} or {@link ModelException}.
     */
    public synchronized FakePredictionServer model(String name, Function<JsonNode, Object> predict) {
        models.put(name, predict);
        return this;
    }

    /** Keeps submitted tasks queued until {@link #runQueued()}. */
    public FakePredictionServer holdTasks() {
        hold = true;
        return this;
    }

    /** Caps every long poll at this wait, as the real server caps it at 60 s. */
    public FakePredictionServer maxWait(Duration cap) {
        maxWait = cap;
        return this;
    }

    /** Runs every queued task now, in this thread, and lets later ones run on their own. */
    public void runQueued() {
        hold = false;
        List<Task> queued;
        synchronized (this) {
            queued = tasks.values().stream().filter(task -> task.state == TaskState.QUEUED).toList();
        }
        queued.forEach(this::run);
    }

    /** Every request so far, as {@code METHOD /path?query}. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
        worker.shutdownNow();
        handlers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        requests.add(method + " " + path + (query == null ? "" : "?" + query));
        try (exchange) {
            Matcher task = TASK_PATH.matcher(path);
            Matcher model = MODEL_PATH.matcher(path);
            if (path.equals("/api/tasks") && method.equals("GET")) {
                listTasks(exchange, parameters(query));
            } else if (task.matches() && method.equals("GET")) {
                getTask(exchange, task.group(1), parameters(query).get("wait"));
            } else if (task.matches() && method.equals("DELETE")) {
                cancelTask(exchange, task.group(1));
            } else if (path.equals("/api/models") && method.equals("GET")) {
                ArrayNode all = json.createArrayNode();
                modelNames().forEach(name -> all.add(modelJson(name)));
                send(exchange, 200, all);
            } else if (model.matches()) {
                String name = URLDecoder.decode(model.group(1), StandardCharsets.UTF_8);
                if (!modelNames().contains(name)) {
                    problem(exchange, 404, "Not Found", "Unknown model '" + name + "'. Available models: "
                            + String.join(", ", modelNames()), null);
                } else if (model.group(2) == null && method.equals("GET")) {
                    send(exchange, 200, modelJson(name));
                } else if ("/tasks".equals(model.group(2)) && method.equals("POST")) {
                    submit(exchange, name);
                } else if ("/predict".equals(model.group(2)) && method.equals("POST")) {
                    predict(exchange, name);
                } else {
                    problem(exchange, 405, "Method Not Allowed", method + " is not allowed on " + path, null);
                }
            } else {
                problem(exchange, 404, "Not Found", "No resource at " + path, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void submit(HttpExchange exchange, String model) throws IOException {
        JsonNode record = readRecord(exchange);
        if (record == null) {
            return;
        }
        Task task = new Task(UUID.randomUUID(), model, record);
        synchronized (this) {
            tasks.put(task.id, task);
        }
        exchange.getResponseHeaders().set("Location", "/api/tasks/" + task.id);
        send(exchange, 202, taskJson(task));
        if (!hold) {
            worker.execute(() -> run(task));
        }
    }

    private void predict(HttpExchange exchange, String model) throws IOException {
        JsonNode record = readRecord(exchange);
        if (record == null) {
            return;
        }
        try {
            send(exchange, 200, json.valueToTree(modelFunction(model).apply(record)));
        } catch (SchemaValidationException e) {
            problem(exchange, 422, "Unprocessable Content", "The record does not fit model '" + model + "': "
                    + e.getMessage(), e.violations());
        } catch (ModelException e) {
            problem(exchange, 422, "Unprocessable Content", e.getMessage(), List.of());
        }
    }

    private void getTask(HttpExchange exchange, String id, String wait) throws IOException, InterruptedException {
        Task task = find(exchange, id);
        if (task == null) {
            return;
        }
        if (wait != null) {
            Matcher duration = WAIT.matcher(wait);
            if (!duration.matches()) {
                problem(exchange, 400, "Bad Request", "wait must be a duration such as 500ms, 2s or 1m, not '"
                        + wait + "'", null);
                return;
            }
            long amount = Long.parseLong(duration.group(1));
            Duration asked = switch (duration.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                default -> Duration.ofMinutes(amount);
            };
            long deadline = System.nanoTime() + (asked.compareTo(maxWait) < 0 ? asked : maxWait).toNanos();
            synchronized (this) {
                for (long left = deadline - System.nanoTime(); !task.state.isFinal() && left > 0;
                        left = deadline - System.nanoTime()) {
                    wait(Math.max(1, left / 1_000_000));
                }
            }
        }
        send(exchange, 200, taskJson(task));
    }

    private void cancelTask(HttpExchange exchange, String id) throws IOException {
        Task task = find(exchange, id);
        if (task == null) {
            return;
        }
        TaskState state;
        synchronized (this) {
            if (task.state == TaskState.QUEUED) {
                task.state = TaskState.CANCELLED;
                task.finishedAt = Instant.now();
                notifyAll();
            }
            state = task.state;
        }
        if (state == TaskState.CANCELLED) {
            send(exchange, 200, taskJson(task));
        } else {
            problem(exchange, 409, "Conflict", "Task " + id + " is " + state
                    + "; only queued tasks can be cancelled", null);
        }
    }

    private void listTasks(HttpExchange exchange, Map<String, String> parameters) throws IOException {
        String state = parameters.get("state");
        if (state != null && !List.of("QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED").contains(state)) {
            problem(exchange, 400, "Bad Request", "Unknown task state '" + state + "'", null);
            return;
        }
        int limit = Math.min(1000, Integer.parseInt(parameters.getOrDefault("limit", "50")));
        List<Task> newestFirst;
        synchronized (this) {
            newestFirst = new ArrayList<>(tasks.values());
        }
        Collections.reverse(newestFirst);
        ArrayNode list = json.createArrayNode();
        newestFirst.stream()
                .filter(task -> state == null || task.state.name().equals(state))
                .filter(task -> !parameters.containsKey("model") || task.model.equals(parameters.get("model")))
                .limit(limit)
                .forEach(task -> list.add(taskJson(task)));
        send(exchange, 200, list);
    }

    private void run(Task task) {
        synchronized (this) {
            if (task.state != TaskState.QUEUED) {
                return;
            }
            task.state = TaskState.RUNNING;
            task.startedAt = Instant.now();
            task.attempts++;
            task.worker = "fake:1";
        }
        JsonNode result = null;
        String message = null;
        List<FieldViolation> violations = List.of();
        try {
            result = json.valueToTree(modelFunction(task.model).apply(task.input));
        } catch (SchemaValidationException e) {
            message = e.getMessage();
            violations = e.violations();
        } catch (ModelException e) {
            message = e.getMessage();
        }
        synchronized (this) {
            task.result = result;
            task.errorMessage = message;
            task.violations = violations;
            task.state = message == null ? TaskState.SUCCEEDED : TaskState.FAILED;
            task.finishedAt = Instant.now();
            notifyAll();
        }
    }

    private Task find(HttpExchange exchange, String id) throws IOException {
        Task task = null;
        try {
            synchronized (this) {
                task = tasks.get(UUID.fromString(id));
            }
        } catch (IllegalArgumentException e) {
            // Not a UUID: no such task either.
        }
        if (task == null) {
            problem(exchange, 404, "Not Found", "Unknown task " + id, null);
        }
        return task;
    }

    /** The request's record, or {@code null} after answering with the problem. */
    private JsonNode readRecord(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            problem(exchange, 413, "Content Too Large", "The record is larger than " + MAX_BODY + " bytes", null);
            return null;
        }
        try {
            JsonNode record = json.readTree(body);
            if (record != null && record.isObject()) {
                return record;
            }
            problem(exchange, 400, "Bad Request", "The body must be one JSON object (a record)", null);
        } catch (JacksonException e) {
            problem(exchange, 400, "Bad Request", "The body is not JSON: " + e.getOriginalMessage(), null);
        }
        return null;
    }

    private synchronized List<String> modelNames() {
        return List.copyOf(models.keySet());
    }

    private synchronized Function<JsonNode, Object> modelFunction(String name) {
        return models.get(name);
    }

    private ObjectNode modelJson(String name) {
        ObjectNode model = json.createObjectNode();
        model.put("name", name);
        model.put("displayName", name.replace('_', ' '));
        model.put("version", "1.0");
        model.put("description", "A model of the fake server");
        model.putObject("inputSchema").put("type", "object");
        model.putObject("outputSchema").put("type", "object");
        return model;
    }

    private synchronized ObjectNode taskJson(Task task) {
        ObjectNode node = json.createObjectNode();
        node.put("id", task.id.toString());
        node.put("model", task.model);
        node.put("modelVersion", "1.0");
        node.put("state", task.state.name());
        node.set("input", task.input);
        node.set("result", task.result);
        if (task.errorMessage == null) {
            node.putNull("error");
        } else {
            ObjectNode error = node.putObject("error");
            error.put("message", task.errorMessage);
            error.set("violations", json.valueToTree(task.violations));
        }
        node.put("submittedAt", task.submittedAt.toString());
        node.put("startedAt", task.startedAt == null ? null : task.startedAt.toString());
        node.put("finishedAt", task.finishedAt == null ? null : task.finishedAt.toString());
        node.put("attempts", task.attempts);
        node.put("worker", task.worker);
        return node;
    }

    private void problem(HttpExchange exchange, int status, String title, String detail,
                         List<FieldViolation> violations) throws IOException {
        ObjectNode problem = json.createObjectNode();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", exchange.getRequestURI().getRawPath());
        if (violations != null) {
            problem.set("violations", json.valueToTree(violations));
        }
        byte[] body = json.writeValueAsBytes(problem);
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int at = pair.indexOf('=');
                if (at > 0) {
                    parameters.put(pair.substring(0, at), URLDecoder.decode(pair.substring(at + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return parameters;
    }

    private static Map<String, String> iris(JsonNode record) {
        List<FieldViolation> violations = new ArrayList<>();
        for (String field : IRIS_FIELDS) {
            JsonNode value = record.get(field);
            if (value == null || value.isNull()) {
                violations.add(new FieldViolation(field, null, "is missing"));
            } else if (!value.isNumber()) {
                violations.add(new FieldViolation(field, value.asString(), "is not a number"));
            }
        }
        if (!violations.isEmpty()) {
            throw new SchemaValidationException(violations);
        }
        double sepal = record.get("sepal_length").asDouble();
        if (sepal > 100) {
            throw new ModelException("No iris has a sepal " + sepal + " cm long");
        }
        return Map.of("species", record.get("petal_length").asDouble() < 2.5 ? "setosa" : "versicolor");
    }

    /** One task's record, guarded by the server's monitor. */
    private static final class Task {
        final UUID id;
        final String model;
        final JsonNode input;
        final Instant submittedAt = Instant.now();
        TaskState state = TaskState.QUEUED;
        Instant startedAt;
        Instant finishedAt;
        JsonNode result;
        String errorMessage;
        List<FieldViolation> violations = List.of();
        int attempts;
        String worker;

        Task(UUID id, String model, JsonNode input) {
            this.id = id;
            this.model = model;
            this.input = input;
        }
    }
}
