package io.predictionbatch.app.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.predictionbatch.app.config.PredictionBatchProperties;
import io.predictionbatch.app.dashboard.JobOverview;
import io.predictionbatch.app.dashboard.JobQueries;
import io.predictionbatch.app.launch.JobControl;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stop JOB_ID}: stops a running job gracefully, wherever it runs: each partition ends at
 * its next chunk boundary with what it committed kept, and {@code restart} finishes the job.
 */
@Component
@Command(name = "stop", mixinStandardHelpOptions = true,
        description = {"Stops a running job: each partition ends STOPPED at its next chunk boundary, nothing is lost,"
                + " and `restart` finishes the job.",
                "Waits until the job has stopped, unless --no-wait."})
class StopCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "JOB_ID", description = "The job's id, as `jobs` lists it.")
    private long jobId;

    @Option(names = "--no-wait", description = "Return once the job is asked to stop, without waiting for it.")
    private boolean noWait;

    private final JobControl jobControl;
    private final JobQueries queries;
    private final Duration pollInterval;

    StopCommand(JobControl jobControl, JobQueries queries, PredictionBatchProperties properties) {
        this.jobControl = jobControl;
        this.queries = queries;
        this.pollInterval = Duration.ofMillis(properties.progressIntervalMillis());
    }

    @Override
    public Integer call() throws InterruptedException {
        jobControl.stop(jobId);
        var out = spec.commandLine().getOut();
        if (noWait) {
            out.printf("Job %d is stopping: each partition ends at its next chunk boundary%n", jobId);
            return 0;
        }
        spec.commandLine().getErr().printf("Job %d is stopping: waiting for its partitions to reach a chunk"
                + " boundary%n", jobId);
        JobOverview job;
        while ((job = queries.job(jobId).orElseThrow()).isRunning()) {
            Thread.sleep(pollInterval.toMillis());
        }
        out.printf(Locale.ROOT, "Job %d %s: %,d of %,d records done%n", jobId, job.status(), job.doneRecords(),
                job.totalRecords());
        if ("STOPPED".equals(job.status())) {
            out.printf("Resume it with: prediction-batch restart %d%n", jobId);
            return 0;
        }
        return "COMPLETED".equals(job.status()) ? 0 : UserErrorHandler.FAILURE;
    }
}
