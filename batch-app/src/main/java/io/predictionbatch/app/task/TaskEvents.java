package io.predictionbatch.app.task;

import java.util.Collection;
import java.util.UUID;

/**
 * Tells the callers waiting for tasks (long polls) that these reached a final state: a direct
 * call in embedded mode, a Redis channel from the workers to the servers in distributed mode.
 */
@FunctionalInterface
public interface TaskEvents {

    void finished(Collection<UUID> ids);
}
