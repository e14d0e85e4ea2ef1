package io.predictionbatch.app.cli;

import java.util.concurrent.Callable;

import io.predictionbatch.app.launch.JobControl;
import org.springframework.batch.core.job.JobExecution;
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

    private final JobControl jobControl;
    private final JobFollower follower;

    RestartCommand(JobControl jobControl, JobFollower follower) {
        this.jobControl = jobControl;
        this.follower = follower;
    }

    @Override
    public Integer call() throws Exception {
        JobExecution execution = jobControl.restart(jobId);
        if (!quiet) {
            spec.commandLine().getErr().printf("Job %d restarted (execution %d)%n", jobId, execution.getId());
        }
        return follower.follow(execution, System.out, System.err, !quiet);
    }
}
