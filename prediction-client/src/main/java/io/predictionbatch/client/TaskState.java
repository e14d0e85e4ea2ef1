package io.predictionbatch.client;

/** Where a task is in its life: queued, then running, then one of the three final states. */
public enum TaskState {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    /** Whether the task will not change any more: it succeeded, failed or was cancelled. */
    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
