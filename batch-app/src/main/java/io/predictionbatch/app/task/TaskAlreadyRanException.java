package io.predictionbatch.app.task;

/** A task that is no longer queued cannot be cancelled. */
public class TaskAlreadyRanException extends RuntimeException {

    private final Task task;

    public TaskAlreadyRanException(Task task) {
        super("Task " + task.id() + " is " + task.state() + "; only a queued task can be cancelled");
        this.task = task;
    }

    public Task task() {
        return task;
    }
}
