package io.predictionbatch.app.task;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import io.predictionbatch.model.registry.HostedModel;
import io.predictionbatch.model.registry.ModelRegistry;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a client does with tasks, whatever the transport: submit a record, read a task, wait for
 * its end, cancel it, list the latest. The same in both modes; only the {@link TaskQueue} and the
 * {@link TaskEvents} behind it differ.
 */
public class TaskService {

    private static final Log log = LogFactory.getLog(TaskService.class);

    private final ModelRegistry models;
    private final TaskStore store;
    private final TaskQueue queue;
    private final TaskEvents events;
    private final TaskWaiters waiters;

    public TaskService(ModelRegistry models, TaskStore store, TaskQueue queue, TaskEvents events,
            TaskWaiters waiters) {
        this.models = models;
        this.store = store;
        this.queue = queue;
        this.events = events;
        this.waiters = waiters;
    }

    /**
     * Records a task for this record and queues it. Once this returns the task is never lost: if
     * the queue does not take it now, recovery sends it again.
     *
     * @throws io.predictionbatch.model.registry.UnknownModelException when no such model is hosted
     */
    public Task submit(String modelName, ObjectNode record) {
        HostedModel<?, ?> model = models.get(modelName);
        Task task = Task.queued(UUID.randomUUID(), model.qualifiedName(), model.version(), record.toString(),
                Instant.now());
        store.insert(task);
        try {
            queue.send(task.id());
        } catch (RuntimeException e) {
            log.warn("Task " + task.id() + " is recorded but could not be queued now (" + e
                    + "); it will be sent again");
        }
        return task;
    }

    public Task task(UUID id) {
        return store.find(id).orElseThrow(() -> new TaskNotFoundException(id));
    }

    /** The task once it has ended, or as it is when the wait runs out. */
    public CompletableFuture<Task> awaitEnd(UUID id, Duration wait) {
        if (wait.isZero() || wait.isNegative()) {
            return CompletableFuture.completedFuture(task(id));
        }
        // The waiter goes in place before the read, so that an end announced in between is not missed.
        CompletableFuture<Void> ended = waiters.await(id, wait);
        Task task;
        try {
            task = task(id);
        } catch (TaskNotFoundException e) {
            ended.complete(null);
            throw e;
        }
        if (task.state().isFinal()) {
            ended.complete(null);
            return CompletableFuture.completedFuture(task);
        }
        return ended.thenApply(ignored -> task(id));
    }

    /**
     * Cancels a queued task; cancelling a cancelled one again is no error.
     *
     * @throws TaskAlreadyRanException when it is running or has ended otherwise
     */
    public Task cancel(UUID id) {
        if (store.cancel(id)) {
            events.finished(List.of(id));
            return task(id);
        }
        Task task = task(id);
        if (task.state() != TaskState.CANCELLED) {
            throw new TaskAlreadyRanException(task);
        }
        return task;
    }

    public List<Task> latest(TaskState state, String model, int limit) {
        return store.latest(state, model, limit);
    }
}
