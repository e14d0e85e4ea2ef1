package io.predictionbatch.app.task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.predictionbatch.app.config.TaskProperties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Makes sure an accepted task is never lost. A running task whose worker went silent for the
 * worker timeout (killed, cut off) is queued again, or failed once it has lost
 * {@code max-attempts} runs; a task queued for long that the queue no longer holds (embedded: the
 * server restarted; distributed: Redis lost its list, or a worker died before it claimed the task)
 * is sent again. Both changes are conditional on the task's state, so that any number of servers
 * may run this at once.
 */
public final class LostTaskRecovery {

    private static final Log log = LogFactory.getLog(LostTaskRecovery.class);
    private static final int RESEND_BATCH = 1000;

    private final TaskStore store;
    private final TaskQueue queue;
    private final TaskEvents events;
    private final TaskProperties properties;

    public LostTaskRecovery(TaskStore store, TaskQueue queue, TaskEvents events, TaskProperties properties) {
        this.store = store;
        this.queue = queue;
        this.events = events;
        this.properties = properties;
    }

    /** Takes up the tasks of silent workers, and resends queued tasks older than the cutoff. */
    void recover(Instant resendQueuedBefore) {
        List<UUID> requeued = new ArrayList<>();
        List<TaskOutcome> failed = new ArrayList<>();
        for (TaskRun task : store.silentSince(properties.workerTimeout())) {
            if (task.attempt() >= properties.maxAttempts()) {
                failed.add(TaskOutcome.failed(task, "The worker running this task was lost " + task.attempt()
                        + " times (no heartbeat for " + properties.workerTimeout() + "); giving up", List.of()));
            } else if (store.requeue(task)) {
                requeued.add(task.id());
            }
        }
        if (!failed.isEmpty()) {
            events.finished(store.finish(failed));
        }
        queue.send(requeued);
        if (!requeued.isEmpty() || !failed.isEmpty()) {
            log.info("Tasks of lost workers: " + requeued.size() + " queued again, " + failed.size() + " failed");
        }
        queue.resendMissing(store.queuedBefore(resendQueuedBefore, RESEND_BATCH));
    }
}
