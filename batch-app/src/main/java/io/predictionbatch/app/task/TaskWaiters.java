package io.predictionbatch.app.task;

import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The callers of this server waiting for tasks to end (long polls): a future per waiter,
 * completed with the ended task when its end is announced ({@link TaskEvents}), or with
 * {@code null} when its wait runs out, and forgotten either way, so that nothing piles up for
 * tasks nobody waits for any more.
 */
public final class TaskWaiters {

    /** Beyond this many, what {@link #unended} knows is dropped: it only spares reads. */
    static final int MAX_UNENDED = 100_000;

    private final ConcurrentMap<UUID, Set<CompletableFuture<Task>>> waiting = new ConcurrentHashMap<>();
    /** Tasks this server accepted whose end it has not heard of. */
    private final Set<UUID> unended = ConcurrentHashMap.newKeySet();
    private final MeterRegistry meters;

    public TaskWaiters(MeterRegistry meters) {
        this.meters = meters;
    }

    /**
     * A future of the ended task, or of {@code null} after {@code wait}. Read the task's state
     * after calling this, not before, or an end announced in between is missed.
     */
    public CompletableFuture<Task> await(UUID id, Duration wait) {
        CompletableFuture<Task> waiter = new CompletableFuture<>();
        waiting.computeIfAbsent(id, key -> ConcurrentHashMap.newKeySet()).add(waiter);
        // The wait's end is a timer on the JDK's delay thread: when it rings, the waiter is
        // forgotten, then completed with null; when the waiter ends first (announced, or completed
        // by the caller), it is forgotten and the timer cancelled, which drops it from the delay
        // queue. (CompletableFuture.delayedExecutor would run the wait's end on CompletableFuture's
        // default executor, which below three cores starts a thread per call: one per long poll,
        // about 0.4 ms of CPU each on the 2-core development machine.)
        CompletableFuture<Void> timer = new CompletableFuture<Void>().completeOnTimeout(null, wait.toMillis(),
                TimeUnit.MILLISECONDS);
        timer.thenRun(() -> {
            forget(id, waiter);
            waiter.complete(null);
        });
        waiter.whenComplete((ignored, failure) -> {
            forget(id, waiter);
            timer.cancel(false);
        });
        return waiter;
    }

    /**
     * This server accepts this task: every server hears of its end ({@link TaskEvents}). Call it
     * before the task is queued, or an end announced first is missed and a long poll waits it out.
     */
    public void accepted(UUID id) {
        if (unended.size() >= MAX_UNENDED) {
            // Ends never heard of (an announcement lost with a Redis connection) must not pile up.
            unended.clear();
        }
        unended.add(id);
    }

    /** This server could not accept this task after all. */
    public void unaccepted(UUID id) {
        unended.remove(id);
    }

    /**
     * Whether this task was accepted here and its end not yet heard of: a long poll on it may wait
     * without reading it first. Ask after {@link #await}: an end announced before is then either
     * known here or completes the waiter.
     */
    public boolean isUnended(UUID id) {
        return unended.contains(id);
    }

    public void complete(Collection<Task> ended) {
        for (Task task : ended) {
            unended.remove(task.id());  // before the waiters: see isUnended
            measureRoundTrip(task);
            Set<CompletableFuture<Task>> waiters = waiting.remove(task.id());
            if (waiters != null) {
                waiters.forEach(waiter -> waiter.complete(task));
            }
        }
    }

    /**
     * Submission to recorded end of a task that ran, per model, as a histogram (Prometheus:
     * prediction_task_latency_seconds). Measured here, where a server hears of every task that
     * ends (from its own runner in embedded mode, from the workers through Redis in distributed
     * mode), so that serve's histogram covers the tasks its workers ran.
     */
    private void measureRoundTrip(Task task) {
        if ((task.state() == TaskState.SUCCEEDED || task.state() == TaskState.FAILED) && task.finishedAt() != null) {
            Timer.builder("prediction.task.latency").description("Round trip of a task: submitted to finished")
                    .tag("model", task.model()).publishPercentileHistogram().register(meters)
                    .record(Duration.between(task.submittedAt(), task.finishedAt()));
        }
    }

    private void forget(UUID id, CompletableFuture<Task> waiter) {
        waiting.computeIfPresent(id, (key, waiters) -> {
            waiters.remove(waiter);
            return waiters.isEmpty() ? null : waiters;
        });
    }

    /** How many tasks accepted here are known not to have ended. */
    int unendedTasks() {
        return unended.size();
    }

    /** How many tasks are waited for. */
    int awaitedTasks() {
        return waiting.size();
    }
}
