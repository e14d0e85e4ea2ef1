package io.predictionbatch.app.task;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.predictionbatch.model.registry.HostedModel;
import io.predictionbatch.model.registry.ModelRegistry;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a client does with tasks, whatever the transport: submit a record, read a task, wait for
 * its end, cancel it, list the latest. The same in both modes; only the {@link TaskQueue} and the
 * {@link TaskEvents} behind it differ.
 */
public class TaskService {

    private final ModelRegistry models;
    private final TaskStore store;
    private final TaskIntake intake;
    private final TaskEvents events;
    private final TaskWaiters waiters;

    public TaskService(ModelRegistry models, TaskStore store, TaskQueue queue, TaskEvents events,
            TaskWaiters waiters) {
        this.models = models;
        this.store = store;
        this.intake = new TaskIntake(store, queue);
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
                TaskStore.now());
        // Known before it is queued: its end may be announced before accept returns.
        waiters.accepted(task.id());
        try {
            intake.accept(task);
        } catch (RuntimeException e) {
            waiters.unaccepted(task.id());
            throw e;
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
        CompletableFuture<Task> ended = waiters.await(id, wait);
        // A task accepted here and not ended needs no read before the wait: the usual long poll,
        // right after its submission, spares a database round trip.
        if (!waiters.isUnended(id)) {
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
        }
        // An announced end carries the task as recorded; a wait that ran out reads it.
        return ended.thenApply(announced -> announced != null ? announced : task(id));
    }

    /**
     * Cancels a queued task; cancelling a cancelled one again is no error.
     *
     * @throws TaskAlreadyRanException when it is running or has ended otherwise
     */
    public Task cancel(UUID id) {
        if (store.cancel(id)) {
            Task cancelled = task(id);
            events.finished(List.of(cancelled));
            return cancelled;
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
