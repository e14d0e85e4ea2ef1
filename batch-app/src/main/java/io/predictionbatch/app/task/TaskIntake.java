package io.predictionbatch.app.task;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Records and queues submitted tasks in groups (a group commit). While one request thread writes,
 * the tasks submitted meanwhile gather; the next thread to write takes them all, in one INSERT and
 * one push to the queue. A lone submitter waits for nobody; sixteen at once share one database
 * round trip and one commit instead of paying sixteen.
 */
final class TaskIntake {

    private static final Log log = LogFactory.getLog(TaskIntake.class);
    /** Bounds one statement's parameters (six a task). */
    static final int MAX_GROUP = 200;

    private final TaskStore store;
    private final TaskQueue queue;
    private final ConcurrentLinkedQueue<Submission> submitted = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writing = new ReentrantLock();

    private record Submission(Task task, CompletableFuture<Void> recorded) {
    }

    TaskIntake(TaskStore store, TaskQueue queue) {
        this.store = store;
        this.queue = queue;
    }

    /**
     * Returns once the task is recorded (and, unless the queue is away, queued).
     *
     * @throws org.springframework.dao.DataAccessException when the task could not be recorded
     */
    void accept(Task task) {
        Submission mine = new Submission(task, new CompletableFuture<>());
        submitted.add(mine);
        writing.lock();
        try {
            while (!mine.recorded().isDone()) {
                writeGroup();
            }
        } finally {
            writing.unlock();
        }
        try {
            mine.recorded().join();
        } catch (CompletionException e) {
            throw (RuntimeException) e.getCause();
        }
    }

    private void writeGroup() {
        List<Submission> group = new ArrayList<>();
        Submission next;
        while (group.size() < MAX_GROUP && (next = submitted.poll()) != null) {
            group.add(next);
        }
        List<Task> tasks = group.stream().map(Submission::task).toList();
        try {
            store.insert(tasks);
        } catch (RuntimeException e) {
            group.forEach(submission -> submission.recorded().completeExceptionally(e));
            return;
        }
        try {
            queue.send(tasks.stream().map(Task::id).toList());
        } catch (RuntimeException e) {
            log.warn(tasks.size() + " tasks are recorded but could not be queued now (" + e
                    + "); they will be sent again");
        }
        group.forEach(submission -> submission.recorded().complete(null));
    }
}
