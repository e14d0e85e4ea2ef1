package io.predictionbatch.app.task;

import java.time.Instant;

import io.predictionbatch.app.config.TaskProperties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/** Deletes finished tasks older than the retention, as a result backend expires its results. */
public final class TaskExpiry {

    private static final Log log = LogFactory.getLog(TaskExpiry.class);

    private final TaskStore store;
    private final TaskProperties properties;

    public TaskExpiry(TaskStore store, TaskProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    void expire(Instant now) {
        int deleted = store.deleteFinishedBefore(now.minus(properties.retention()));
        if (deleted > 0) {
            log.info("Deleted " + deleted + " tasks finished more than " + properties.retention() + " ago");
        }
    }
}
