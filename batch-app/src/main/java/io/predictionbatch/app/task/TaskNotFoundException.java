package io.predictionbatch.app.task;

import java.util.UUID;

/** No task has this id (it never existed, or it finished longer ago than the retention). */
public class TaskNotFoundException extends RuntimeException {

    public TaskNotFoundException(UUID id) {
        super("Task " + id + " does not exist (finished tasks are deleted after prediction.tasks.retention)");
    }
}
