package io.predictionbatch.app.launch;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Which jobs of this process have finished on their threads. The repository alone cannot tell a
 * follower that the end it reads is the last record: Spring Batch writes a job's end (status, end
 * time) before its listeners' {@code afterJob}, which may still change its exit (an unresumable
 * failure's advice), and writes it again after them. A job's thread is done only after that.
 *
 * <p>A listener of the job (it learns which execution a thread runs) and the decorator of the
 * launch executor's tasks (it sees the thread finish).
 */
public final class JobThreads implements JobExecutionListener {

    private static final ThreadLocal<Long> RUNNING = new ThreadLocal<>();

    private final Set<Long> begun = ConcurrentHashMap.newKeySet();
    private final Set<Long> finished = ConcurrentHashMap.newKeySet();

    @Override
    public void beforeJob(JobExecution job) {
        begun.add(job.getId());
        RUNNING.set(job.getId());
    }

    /** The launch of a job, marking its execution finished once its thread is done with it. */
    public Runnable tracking(Runnable launch) {
        return () -> {
            try {
                launch.run();
            } finally {
                Long execution = RUNNING.get();
                RUNNING.remove();
                if (execution != null) {
                    finished.add(execution);
                }
            }
        };
    }

    /**
     * Whether nothing of this process will write the execution again: its thread is done, or it
     * never began here (a job refused before its listeners ran, or one run by another process).
     */
    public boolean isDone(long executionId) {
        return !begun.contains(executionId) || finished.contains(executionId);
    }
}
