package io.predictionbatch.client;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;

import io.predictionbatch.model.ModelException;
import io.predictionbatch.model.SchemaValidationException;

/**
 * A submitted task, followed over the server's REST API: whether it is done, its prediction (or
 * the model's error), its cancellation.
 *
 * <p>Thread-safe. Once the handle has seen the task in a final state it keeps that snapshot and
 * asks the server nothing more; before, every call asks the server.
 *
 * @param <O> the type the prediction is read into
 */
public final class TaskHandle<O> {

    private final PredictionClient client;
    private final UUID id;
    private final Class<O> outputType;
    private volatile TaskInfo finalState;

    TaskHandle(PredictionClient client, TaskInfo submitted, Class<O> outputType) {
        this(client, submitted.id(), outputType);
        remember(submitted);
    }

    TaskHandle(PredictionClient client, UUID id, Class<O> outputType) {
        this.client = client;
        this.id = id;
        this.outputType = outputType;
    }

    /** The task's id, by which {@link PredictionClient#handle} and the command line find it again. */
    public UUID id() {
        return id;
    }

    /** The task as it is now: from the server, unless it is known to be final. */
    public TaskInfo task() {
        TaskInfo known = finalState;
        return known != null ? known : remember(client.task(id));
    }

    /** Whether the task is final (succeeded, failed or cancelled). Asks the server without waiting. */
    public boolean isDone() {
        return task().state().isFinal();
    }

    /**
     * Waits until the task is final or {@code timeout} has passed, and returns it as it is then.
     * The server holds each request until the task ends or at most 60 s, so a long wait costs
     * one request a minute, and the answer comes as soon as the task ends.
     *
     * @param timeout how long to wait at most; zero asks once without waiting
     */
    public TaskInfo await(Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        TaskInfo task = finalState;
        while (task == null) {
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            // The server waits in milliseconds; less than one left is no wait worth asking for.
            if (left.toMillis() <= 0) {
                return remember(client.task(id));
            }
            TaskInfo polled = remember(client.poll(id, min(left, WaitParameter.SERVER_MAX)));
            if (polled.state().isFinal()) {
                return polled;
            }
            task = finalState;
        }
        return task;
    }

    /**
     * Waits for the prediction and returns it read into the output type.
     *
     * @param timeout how long to wait at most
     * @throws SchemaValidationException when the task failed because its record broke the model's
     *         input schema; it carries each bad field
     * @throws ModelException when the task failed for another reason, with the server's message
     * @throws CancellationException when the task was cancelled
     * @throws TimeoutException when the task is still queued or running after {@code timeout}
     * @throws InterruptedException when the thread is interrupted while it waits
     * @throws PredictionClientException when the server forgot the task or cannot be reached
     */
    public O get(Duration timeout) throws TimeoutException, InterruptedException {
        TaskInfo task = await(timeout);
        return switch (task.state()) {
            case SUCCEEDED -> client.convert(task.result(), outputType, id);
            case FAILED -> throw failure(task.error());
            case CANCELLED -> throw new CancellationException("Task " + id + " was cancelled");
            case QUEUED, RUNNING -> throw new TimeoutException("Task " + id + " is still " + task.state() + " after "
                    + timeout.toMillis() + " ms");
        };
    }

    /** The model's own exception: a schema violation with its fields, or a plain refusal with its message. */
    private ModelException failure(TaskError error) {
        if (error != null && !error.violations().isEmpty()) {
            return new SchemaValidationException(error.violations());
        }
        return new ModelException(error != null && error.message() != null ? error.message()
                : "Task " + id + " failed without a reason recorded");
    }

    /**
     * Cancels the task if it is still queued.
     *
     * @return {@code true} when the task is cancelled, {@code false} when it already ran or runs
     */
    public boolean cancel() {
        TaskInfo known = finalState;
        if (known != null) {
            return known.state() == TaskState.CANCELLED;
        }
        TaskInfo cancelled = client.cancelTask(id);
        if (cancelled == null) {
            return false;
        }
        remember(cancelled);
        return true;
    }

    @Override
    public String toString() {
        return "TaskHandle[" + id + "]";
    }

    private TaskInfo remember(TaskInfo task) {
        if (task.state().isFinal()) {
            finalState = task;
        }
        return task;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
