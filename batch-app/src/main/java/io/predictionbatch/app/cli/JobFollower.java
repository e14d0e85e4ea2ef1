package io.predictionbatch.app.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import io.predictionbatch.app.config.PredictionBatchProperties;
import io.predictionbatch.app.dashboard.FailureMessages;
import io.predictionbatch.app.dashboard.JobQueries;
import io.predictionbatch.app.launch.JobThreads;
import io.predictionbatch.app.dashboard.PartitionProgress;
import io.predictionbatch.app.job.AssembleOutputTasklet;
import io.predictionbatch.app.job.UnresumableFailureListener;
import io.predictionbatch.app.job.PredictionJobParameters;
import io.predictionbatch.app.partition.PartitionNames;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Follows a job execution started by this process until it ends, showing progress from the job
 * repository, then prints the summary. Shared by {@code predict} and {@code restart}.
 */
@Component
class JobFollower {

    private static final Duration NO_WORKER_HINT_AFTER = Duration.ofSeconds(10);
    /** Far longer than a job's last repository update takes once its thread has set its end time. */
    private static final Duration UNRECORDED_END_AFTER = Duration.ofSeconds(5);
    /** How often a wait for the next poll looks whether the job has ended meanwhile. */
    private static final Duration END_CHECK = Duration.ofMillis(10);
    /** How soon the repository is read again once the job has ended, to see the end recorded. */
    private static final Duration END_RECORDED_CHECK = Duration.ofMillis(20);

    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final JobQueries queries;
    private final JobThreads jobThreads;
    private final Duration pollInterval;

    JobFollower(JobRepository jobRepository, JobOperator jobOperator, JobQueries queries, JobThreads jobThreads,
            PredictionBatchProperties properties) {
        this.jobRepository = jobRepository;
        this.jobThreads = jobThreads;
        this.jobOperator = jobOperator;
        this.queries = queries;
        this.pollInterval = Duration.ofMillis(properties.progressIntervalMillis());
    }

    /** Returns the exit code: 0 only when the job completed. */
    int follow(JobExecution started, PrintStream out, PrintStream progress, boolean showProgress)
            throws InterruptedException {
        long jobId = started.getJobInstance().getInstanceId();
        long hintAt = System.currentTimeMillis() + NO_WORKER_HINT_AFTER.toMillis();
        long endSeenAt = 0;
        try (ProgressDisplay display = ProgressDisplay.create(progress, System.console() != null)) {
            JobExecution recorded;
            // Until the repository says the job ended and, for a job of this process, its thread is
            // done: Spring Batch writes the end once before the job's listeners and again after them.
            while ((recorded = fromRepository(() -> jobRepository.getJobExecution(started.getId()), progress))
                    .isRunning() || !jobThreads.isDone(started.getId())) {
                // The job runs on a thread of this process, on the very execution object we hold.
                endSeenAt = started.getEndTime() == null || !recorded.isRunning() ? 0
                        : endSeenAt > 0 ? endSeenAt : System.currentTimeMillis();
                if (endSeenAt > 0 && System.currentTimeMillis() - endSeenAt > UNRECORDED_END_AFTER.toMillis()) {
                    recordUnrecordedEnd(started, recorded, progress);
                    break;
                }
                if (showProgress) {
                    show(jobId, display);
                }
                if (hintAt > 0 && System.currentTimeMillis() > hintAt) {
                    hintAt = hintIfNoWorker(jobId, progress) ? 0 : hintAt;
                }
                awaitNextPoll(started);
            }
            if (showProgress) {
                show(jobId, display);
            }
        }
        JobExecution finished = fromRepository(() -> jobRepository.getJobExecution(started.getId()), progress);
        printSummary(finished, out);
        return finished.getStatus() == BatchStatus.COMPLETED ? 0 : UserErrorHandler.FAILURE;
    }

    /**
     * Waits for the next poll, or less: the job runs on the execution this process holds, which
     * tells its end before the repository does; a small job's command then ends at once, not up to
     * a poll interval later. Once the end is seen, the repository is read again soon.
     */
    private void awaitNextPoll(JobExecution started) throws InterruptedException {
        long until = System.currentTimeMillis() + pollInterval.toMillis();
        if (started.getEndTime() != null) {
            Thread.sleep(END_RECORDED_CHECK.toMillis());
            return;
        }
        while (started.getEndTime() == null && System.currentTimeMillis() < until) {
            Thread.sleep(END_CHECK.toMillis());
        }
    }

    /**
     * The job's thread ended but could not record the end (the job repository was lost under it:
     * the embedded database server killed, PostgreSQL gone), so the repository still says it
     * runs, and would forever. Marks it failed, with its running partitions, as {@code restart}
     * does for a job whose process died, so that it can be resumed.
     */
    private void recordUnrecordedEnd(JobExecution ended, JobExecution recorded, PrintStream progress) {
        progress.printf("Job %d lost the job repository and could not record its end (%s); it is marked"
                + " failed now. The cause: %s%n", ended.getJobInstance().getInstanceId(), ended.getStatus(),
                FailureMessages.describe(ended.getAllFailureExceptions(), ended.getExitStatus().getExitDescription()));
        progress.flush();
        jobOperator.recover(recorded);
    }

    /**
     * In distributed mode nothing runs until a worker takes a partition; a user who forgot to
     * start one would watch 0% forever. Says so once, when every partition still waits.
     */
    private boolean hintIfNoWorker(long jobId, PrintStream progress) {
        try {
            List<PartitionProgress> partitions = queries.partitions(jobId);
            if (partitions.isEmpty() || !partitions.stream().allMatch(p -> "STARTING".equals(p.status()))) {
                return false;
            }
        } catch (DataAccessException | TransactionException e) {
            return false;
        }
        progress.printf("No worker has taken a partition of job %d for %d s: start workers with"
                + " `prediction-batch worker`, in distributed mode, against the same PostgreSQL and Redis%n", jobId,
                NO_WORKER_HINT_AFTER.toSeconds());
        progress.flush();
        return true;
    }

    private void show(long jobId, ProgressDisplay display) {
        try {
            queries.job(jobId).ifPresent(display::update);
        } catch (DataAccessException | TransactionException e) {
            // Progress is shown again at the next poll; fromRepository says why it is missing.
        }
    }

    /**
     * Why the job failed: the reason of a failed partition if one failed (a partition on a remote
     * worker fails in its own process; the job only learns that one did), else the job's own. Only
     * a partition's latest run counts: an earlier one that failed was run again (its worker lost,
     * the database away for a moment), and says nothing of why the job failed.
     */
    static String failureReason(JobExecution execution) {
        Map<String, StepExecution> latestRuns = new HashMap<>();
        for (StepExecution step : execution.getStepExecutions()) {
            if (PartitionNames.isPartition(step.getStepName())) {
                latestRuns.merge(step.getStepName(), step, (a, b) -> a.getId() > b.getId() ? a : b);
            }
        }
        for (StepExecution step : new TreeMap<>(latestRuns).values()) {
            if (step.getStatus() == BatchStatus.FAILED) {
                return step.getStepName() + ": " + FailureMessages.describe(step.getFailureExceptions(),
                        step.getExitStatus().getExitDescription());
            }
        }
        return FailureMessages.describe(execution.getAllFailureExceptions(),
                execution.getExitStatus().getExitDescription());
    }

    /**
     * Reads from the job repository, waiting while it cannot be reached for a moment (PostgreSQL
     * restarting, in distributed mode): the job itself rides that out or fails, and says so.
     */
    private <T> T fromRepository(Supplier<T> read, PrintStream progress) throws InterruptedException {
        while (true) {
            try {
                return read.get();
            } catch (DataAccessException | TransactionException e) {
                progress.println("The job repository cannot be reached (" + e.getMessage() + "); waiting");
                Thread.sleep(Math.max(1000, pollInterval.toMillis()));
            }
        }
    }

    private void printSummary(JobExecution execution, PrintStream out) {
        long jobId = execution.getJobInstance().getInstanceId();
        PredictionJobParameters parameters = PredictionJobParameters.from(execution.getJobParameters());
        double seconds = execution.getStartTime() == null || execution.getEndTime() == null ? 0
                : Duration.between(execution.getStartTime(), execution.getEndTime()).toMillis() / 1000.0;
        long processed = 0;
        ExecutionContext summary = null;
        for (StepExecution step : execution.getStepExecutions()) {
            if (PartitionNames.isPartition(step.getStepName())) {
                processed += step.getReadCount() + step.getReadSkipCount();
            }
            if (step.getStepName().equals(AssembleOutputTasklet.STEP_NAME)) {
                summary = step.getExecutionContext();
            }
        }
        if (summary != null && summary.containsKey(AssembleOutputTasklet.RECORDS)) {
            out.printf(Locale.ROOT, "Job %d %s: %,d records read, %,d written, %,d rejected in %.1f s (%,.0f records/s)%n",
                    jobId, execution.getStatus(), summary.getLong(AssembleOutputTasklet.RECORDS),
                    summary.getLong(AssembleOutputTasklet.WRITTEN), summary.getLong(AssembleOutputTasklet.REJECTED),
                    seconds, seconds > 0 ? processed / seconds : 0.0);
            out.println("Predictions: " + parameters.outputDescription()
                    + (parameters.toTable() ? " (job_instance_id = " + jobId + ")" : ""));
            out.println("Rejected records: " + parameters.errorsDescription());
        }
        if (execution.getStatus() == BatchStatus.STOPPED) {
            queries.job(jobId).ifPresent(job -> out.printf(Locale.ROOT, "Job %d STOPPED on request: %,d of %,d"
                    + " records done, every committed chunk kept%n", jobId, job.doneRecords(), job.totalRecords()));
            out.printf("Resume it with: prediction-batch restart %d%n", jobId);
        } else if (UnresumableFailureListener.EXIT_CODE.equals(execution.getExitStatus().getExitCode())) {
            out.printf("Job %d FAILED: %s%n", jobId, execution.getExitStatus().getExitDescription());
        } else if (execution.getStatus() != BatchStatus.COMPLETED) {
            out.printf("Job %d %s: %s%n", jobId, execution.getStatus(), failureReason(execution));
            out.printf("Fix the cause, then resume it with: prediction-batch restart %d%n", jobId);
        }
    }
}
