package io.predictionbatch.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import io.predictionbatch.app.dashboard.JobOverview;
import io.predictionbatch.app.dashboard.JobQueries;
import io.predictionbatch.app.launch.JobControl;
import io.predictionbatch.app.launch.JobStateException;
import io.predictionbatch.app.output.ByteSizes;
import org.springframework.stereotype.Component;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code clean}: gives up jobs that did not complete, removing the part files they keep beside
 * their outputs so they can be resumed; they can no longer be restarted.
 */
@Component
@Command(name = "clean", mixinStandardHelpOptions = true,
        description = {"Gives up jobs that failed, stopped or were interrupted: removes the part files they keep"
                + " beside their outputs to be resumed (`jobs` shows how much), and marks them ABANDONED.",
                "They can no longer be restarted."})
class CleanCommand implements Callable<Integer> {

    /** The statuses of a job that holds part files to be resumed. */
    static final Set<String> RESUMABLE = Set.of("FAILED", "STOPPED", JobOverview.INTERRUPTED);
    private static final int ALL_JOBS = 100_000;

    @Spec
    private CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    private Which which;

    static final class Which {
        @Parameters(paramLabel = "JOB_ID", description = "The jobs to give up, as `jobs` lists them.")
        private List<Long> jobIds;

        @Option(names = "--all", description = "Every job that failed, stopped or was interrupted.")
        private boolean all;
    }

    private final JobQueries queries;
    private final JobControl jobControl;

    CleanCommand(JobQueries queries, JobControl jobControl) {
        this.queries = queries;
        this.jobControl = jobControl;
    }

    @Override
    public Integer call() throws Exception {
        List<Long> ids = which.all
                ? queries.recentJobs(ALL_JOBS).stream().filter(job -> RESUMABLE.contains(job.status()))
                        .map(JobOverview::jobId).toList()
                : which.jobIds;
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        long freed = 0;
        List<Long> cleaned = new ArrayList<>();
        int refused = 0;
        for (long id : ids) {
            try {
                freed += jobControl.abandon(id);
                cleaned.add(id);
            } catch (JobStateException e) {
                err.println("Job " + id + " left alone: " + e.getMessage());
                refused++;
            }
        }
        if (cleaned.isEmpty()) {
            out.println(which.all ? "No job to clean: none failed, stopped or was interrupted" : "No job cleaned");
        } else {
            out.printf(Locale.ROOT, "Abandoned job(s) %s and removed %s of part files; they can no longer be"
                    + " restarted%n", String.join(", ", cleaned.stream().map(String::valueOf).toList()),
                    ByteSizes.readable(freed));
        }
        return refused == 0 ? 0 : UserErrorHandler.USER_ERROR;
    }
}
