package io.predictionbatch.app.launch;

import io.predictionbatch.app.config.PredictionBatchProperties;
import io.predictionbatch.app.dashboard.JobOverview;
import io.predictionbatch.app.dashboard.JobQueries;
import io.predictionbatch.app.input.FilePlans;
import io.predictionbatch.app.input.StdinSpool;
import io.predictionbatch.app.job.UnresumableFailureListener;
import io.predictionbatch.app.job.JobOwnerListener;
import io.predictionbatch.app.job.PredictionJobParameters;
import io.predictionbatch.app.job.ValidateInputTasklet;
import io.predictionbatch.app.output.PartFiles;
import io.predictionbatch.app.output.ResultTables;
import io.predictionbatch.model.registry.ModelRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Starts, stops and restarts prediction jobs: the one place the command line and the REST API go
 * through, so both check the same things and say the same when they refuse. A started job runs
 * on a thread of this process (its partitions on threads or, in distributed mode, on workers).
 */
@Service
public class JobControl {

    private static final Log log = LogFactory.getLog(JobControl.class);
    /** Tries of the stop's update when the job's own process updates the execution at the same moment. */
    private static final int STOP_TRIES = 5;

    private final ModelRegistry models;
    private final ResultTables resultTables;
    private final FilePlans filePlans;
    private final PredictionBatchProperties properties;
    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job predictionJob;
    private final JobQueries queries;

    JobControl(ModelRegistry models, ResultTables resultTables, FilePlans filePlans,
            PredictionBatchProperties properties, JobOperator jobOperator, JobRepository jobRepository,
            Job predictionJob, JobQueries queries) {
        this.models = models;
        this.resultTables = resultTables;
        this.filePlans = filePlans;
        this.properties = properties;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.predictionJob = predictionJob;
        this.queries = queries;
    }

    /** The parameters the request stands for, checked as the job's first step will check them. */
    public PredictionJobParameters parameters(JobRequest request) {
        PredictionJobParameters parameters = request.toParameters(models, properties);
        ValidateInputTasklet.validate(models, resultTables, filePlans, parameters);
        return parameters;
    }

    /** Starts a job with checked parameters; it runs on, the execution returned at once. */
    public JobExecution start(PredictionJobParameters parameters) throws Exception {
        return jobOperator.start(predictionJob, parameters.toJobParameters());
    }

    /**
     * Resumes a failed, stopped or interrupted job from its last committed chunk. A job left
     * running by a process that died (killed, crashed machine) is marked failed first.
     */
    public JobExecution restart(long jobId) throws Exception {
        JobOverview job = job(jobId);
        JobExecution last = jobRepository.getJobExecution(job.executionId());
        if (last.getStatus() == BatchStatus.COMPLETED) {
            throw new JobStateException("Job " + jobId + " already completed; its predictions are in " + job.output(),
                    job.status());
        }
        if (last.getStatus() == BatchStatus.ABANDONED) {
            throw new JobStateException("Job " + jobId + " was given up (`clean`) and cannot be resumed; run predict"
                    + " again", job.status());
        }
        if (UnresumableFailureListener.EXIT_CODE.equals(last.getExitStatus().getExitCode())) {
            throw new JobStateException("Job " + jobId + " cannot be resumed: " + last.getExitStatus()
                    .getExitDescription(), job.status());
        }
        if (last.isRunning()) {
            if (!JobOwnerListener.ownerIsGone(last)) {
                throw new JobStateException("Job " + jobId + " is still running in " + JobOwnerListener.owner(last)
                        + "; wait for it, or stop it first", job.status());
            }
            // Its process died mid-job, leaving the repository saying STARTED: mark it failed, then resume.
            last = jobOperator.recover(last);
        }
        return jobOperator.restart(last);
    }

    /**
     * Asks a running job to stop: it is marked STOPPING in the job repository, which every
     * partition reads when it commits a chunk, so each ends STOPPED at its next chunk boundary,
     * with everything it committed kept, wherever it runs. {@link #restart} then finishes it.
     * Returns the execution being stopped; stopping a job already stopping is no error.
     *
     * <p>Not {@code JobOperator.stop}: besides marking the job, that marks each running step
     * STOPPED in this process's copy and writes it, which, for a job run by another process, races
     * that process's own writes of the same steps (optimistic locking) and ends them wrongly.
     */
    public JobExecution stop(long jobId) {
        JobOverview job = job(jobId);
        for (int attempt = 1; ; attempt++) {
            JobExecution execution = jobRepository.getJobExecution(job.executionId());
            BatchStatus status = execution.getStatus();
            if (status == BatchStatus.STOPPING) {
                return execution;
            }
            if (!execution.isRunning()) {
                throw new JobStateException("Job " + jobId + " is not running; it is " + status
                        + (status == BatchStatus.COMPLETED ? "" : "; `prediction-batch restart " + jobId
                                + "` resumes it"), status.name());
            }
            if (JobOwnerListener.ownerIsGone(execution)) {
                throw new JobStateException("Job " + jobId + " has nothing running to stop: its process ("
                        + JobOwnerListener.owner(execution) + ") is gone; `prediction-batch restart " + jobId
                        + "` resumes it", status.name());
            }
            execution.setStatus(BatchStatus.STOPPING);
            try {
                jobRepository.update(execution);
                log.info("Job " + jobId + " (execution " + execution.getId() + ") asked to stop");
                return execution;
            } catch (OptimisticLockingFailureException e) {
                if (attempt == STOP_TRIES) {
                    throw e;
                }
                // The job's process wrote the execution meanwhile: read it again and retry.
            }
        }
    }

    /** Bytes of part files the job holds beside its output until it passes (none for table output). */
    public long partBytes(JobOverview job) {
        PredictionJobParameters parameters = PredictionJobParameters.from(
                jobRepository.getJobExecution(job.executionId()).getJobParameters());
        if (parameters.toTable()) {
            return 0;
        }
        return PartFiles.of(parameters.output(), job.jobId()).bytes();
    }

    /**
     * Gives a job up for good: marks it ABANDONED (a job whose process died is marked failed
     * first), so it can no longer be restarted, and removes its part files. Returns the bytes freed.
     */
    public long abandon(long jobId) throws Exception {
        JobOverview job = job(jobId);
        JobExecution last = jobRepository.getJobExecution(job.executionId());
        if (last.getStatus() == BatchStatus.COMPLETED || last.getStatus() == BatchStatus.ABANDONED) {
            throw new JobStateException("Job " + jobId + " is " + last.getStatus() + "; there is nothing to clean",
                    job.status());
        }
        if (last.isRunning()) {
            if (!JobOwnerListener.ownerIsGone(last)) {
                throw new JobStateException("Job " + jobId + " is still running in " + JobOwnerListener.owner(last)
                        + "; stop it first", job.status());
            }
            last = jobOperator.recover(last);
        }
        long bytes = partBytes(job);
        jobOperator.abandon(last);
        PredictionJobParameters parameters = PredictionJobParameters.from(last.getJobParameters());
        if (!parameters.toTable()) {
            PartFiles.of(parameters.output(), jobId).delete();
        }
        StdinSpool.deleteIfSpool(parameters.input(), parameters.output());
        log.info("Job " + jobId + " abandoned; " + bytes + " bytes of part files removed");
        return bytes;
    }

    private JobOverview job(long jobId) {
        return queries.job(jobId).orElseThrow(() -> new JobNotFoundException(jobId));
    }
}
