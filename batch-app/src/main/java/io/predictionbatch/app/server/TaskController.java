package io.predictionbatch.app.server;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.predictionbatch.app.config.TaskProperties;
import io.predictionbatch.app.dashboard.TaskQueries;
import io.predictionbatch.app.dashboard.TaskSummary;
import io.predictionbatch.app.server.RecordBodies.BadRequestException;
import io.predictionbatch.app.task.Task;
import io.predictionbatch.app.task.TaskService;
import io.predictionbatch.app.task.TaskState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Single-record tasks: submit a record for a model, read or wait for the task, cancel it, list tasks. */
@RestController
@ConditionalOnWebApplication
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Tasks")
class TaskController {

    private static final int MAX_LIMIT = 1000;

    private final TaskService tasks;
    private final TaskQueries queries;
    private final TaskProperties properties;

    TaskController(TaskService tasks, TaskQueries queries, TaskProperties properties) {
        this.tasks = tasks;
        this.queries = queries;
        this.properties = properties;
    }

    @PostMapping(path = "/models/{model}/tasks", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Submits one record: 202 with the queued task at once; the prediction follows")
    ResponseEntity<TaskView> submit(@PathVariable String model, @RequestBody JsonNode record) {
        Task task = tasks.submit(model, RecordBodies.requireObject(record));
        return ResponseEntity.accepted().location(URI.create("/api/tasks/" + task.id())).body(TaskView.of(task));
    }

    @GetMapping("/tasks/{id}")
    @Operation(summary = "A task: state, timings, result or error; with wait, once it ends or the wait runs out")
    CompletableFuture<TaskView> task(@PathVariable UUID id,
            @Parameter(description = "how long to wait for the task to end, e.g. 500ms, 2s (at most"
                    + " prediction.tasks.max-wait, 60s by default)") @RequestParam(required = false) String wait) {
        return tasks.awaitEnd(id, waitOf(wait)).thenApply(TaskView::of);
    }

    @DeleteMapping("/tasks/{id}")
    @Operation(summary = "Cancels a queued task (409 once it has run)")
    TaskView cancel(@PathVariable UUID id) {
        return TaskView.of(tasks.cancel(id));
    }

    @GetMapping("/tasks")
    @Operation(summary = "The latest tasks, newest first, optionally of one state and one model")
    List<TaskView> latest(@RequestParam(required = false) TaskState state,
            @RequestParam(required = false) String model, @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT + "; it is " + limit);
        }
        return tasks.latest(state, model, limit).stream().map(TaskView::of).toList();
    }

    @GetMapping("/tasks/summary")
    @Operation(summary = "Task counts per model and state, with the mean round trip of the finished ones")
    List<TaskSummary> summary() {
        return queries.summary();
    }

    private Duration waitOf(String wait) {
        if (wait == null || wait.isBlank()) {
            return Duration.ZERO;
        }
        Duration duration;
        try {
            duration = DurationStyle.detectAndParse(wait.strip());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("wait '" + wait + "' is not a duration; write it like 500ms, 2s or 1m");
        }
        if (duration.isNegative()) {
            throw new BadRequestException("wait '" + wait + "' is negative");
        }
        return duration.compareTo(properties.maxWait()) > 0 ? properties.maxWait() : duration;
    }
}
