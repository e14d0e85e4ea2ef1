package io.predictionbatch.app.task;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Carries the ids of accepted tasks to the runners that predict them: a queue in this JVM in
 * embedded mode, a Redis list in distributed mode. The queue is only a hint of what to run next;
 * the task's row is the truth, so a task sent twice is finished once (its end is recorded
 * conditionally), and a task the queue lost is sent again by {@link LostTaskRecovery}.
 */
public interface TaskQueue {

    /** Sends these tasks, in one round trip where the queue is remote. */
    void send(Collection<UUID> ids);

    /** Sends again those of these queued tasks that are no longer in the queue. */
    void resendMissing(List<UUID> queued);

    /** A receiving end for one runner thread (in distributed mode it holds its own connection). */
    Receiver receiver();

    interface Receiver extends AutoCloseable {

        /** Waits up to {@code wait} for a first task id, then takes up to {@code max - 1} more without waiting. */
        List<UUID> receive(int max, Duration wait) throws InterruptedException;

        @Override
        void close();
    }
}
