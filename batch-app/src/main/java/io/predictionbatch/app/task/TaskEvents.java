package io.predictionbatch.app.task;

import java.util.Collection;

/**
 * Tells the callers waiting for tasks (long polls) that these reached a final state, with the
 * tasks as they were recorded, so that a waiter answers without reading them again: a direct call
 * in embedded mode, a Redis channel from the workers to the servers in distributed mode.
 */
@FunctionalInterface
public interface TaskEvents {

    void finished(Collection<Task> tasks);
}
