package io.predictionbatch.app.cli;

import java.util.concurrent.Callable;

import io.predictionbatch.app.dashboard.JobOverview;
import io.predictionbatch.app.dashboard.JobQueries;
import io.predictionbatch.app.job.JobOwnerListener;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code restart JOB_ID}: resumes a failed, stopped or crashed job from its last committed chunk;
 * partitions that completed are not run again.
 */
@Component
@Command(name = "restart", mixinStandardHelpOptions = true,
        description = {"Resumes a failed, stopped or interrupted job from its last committed chunk.",
                "A job whose process died (killed, crashed machine) is marked failed first, then resumed."})
class RestartCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "JOB_ID", description = "The job's id, as `jobs` lists it.")
    private long jobId;

    @Option(names = {"-q", "--quiet"}, description = "No progress display; print only the summary.")
    private boolean quiet;

    private final JobQueries queries;
    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final JobFollower follower;

    RestartCommand(JobQueries queries, JobRepository jobRepository, JobOperator jobOperator, JobFollower follower) {
        this.queries = queries;
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.follower = follower;
    }

    @Override
    public Integer call() throws Exception {
        JobOverview job = queries.job(jobId).orElseThrow(() -> new UserException("No job with id " + jobId
                + "; `prediction-batch jobs` lists them"));
        JobExecution last = jobRepository.getJobExecution(job.executionId());
        if (last.getStatus() == BatchStatus.COMPLETED) {
            throw new UserException("Job " + jobId + " already completed; its predictions are in " + job.output());
        }
        if (last.isRunning()) {
            if (!JobOwnerListener.ownerIsGone(last)) {
                throw new UserException("Job " + jobId + " is still running in " + JobOwnerListener.owner(last)
                        + "; wait for it or stop that process first");
            }
            // Its process died mid-job, leaving the repository saying STARTED: mark it failed, then resume.
            last = jobOperator.recover(last);
        }
        JobExecution execution = jobOperator.restart(last);
        if (!quiet) {
            spec.commandLine().getErr().printf("Job %d restarted (execution %d)%n", jobId, execution.getId());
        }
        return follower.follow(execution, System.out, System.err, !quiet);
    }
}
