package io.predictionbatch.app.cli;

import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.predictionbatch.app.dashboard.JobOverview;
import io.predictionbatch.app.dashboard.JobQueries;
import io.predictionbatch.app.launch.JobControl;
import io.predictionbatch.app.output.ByteSizes;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jobs}: the most recent prediction jobs, newest first. */
@Component
@Command(name = "jobs", mixinStandardHelpOptions = true, description = "Lists past and running prediction jobs.")
class JobsCommand implements Callable<Integer> {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Spec
    private CommandSpec spec;

    @Option(names = {"-n", "--limit"}, defaultValue = "20", paramLabel = "N", description = "How many jobs (default: 20).")
    private int limit;

    private final JobQueries queries;
    private final JobControl jobControl;

    JobsCommand(JobQueries queries, JobControl jobControl) {
        this.queries = queries;
        this.jobControl = jobControl;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<JobOverview> jobs = queries.recentJobs(limit);
        if (jobs.isEmpty()) {
            out.println("No jobs yet. Start one with: prediction-batch predict --input FILE --output FILE");
            return 0;
        }
        out.printf("%-6s %-10s %-20s %21s %7s %-19s %9s  %s%n", "JOB", "STATUS", "MODEL", "RECORDS", "DONE",
                "STARTED", "SECONDS", "INPUT");
        LocalDateTime now = LocalDateTime.now();
        for (JobOverview job : jobs) {
            out.printf(Locale.ROOT, "%-6d %-10s %-20s %21s %6.1f%% %-19s %9.1f  %s%n", job.jobId(), job.status(),
                    job.modelReference(), String.format(Locale.ROOT, "%,d/%,d", job.doneRecords(), job.totalRecords()),
                    job.percentDone(), job.startTime() == null ? "-" : TIME.format(job.startTime()),
                    job.elapsed(now).toMillis() / 1000.0, job.input());
        }
        List<JobOverview> resumable = jobs.stream().filter(job -> CleanCommand.RESUMABLE.contains(job.status()))
                .toList();
        long held = resumable.stream().mapToLong(jobControl::partBytes).sum();
        if (held > 0) {
            out.printf("%nJobs that can be resumed (%s) keep %s of part files beside their outputs;"
                    + " `prediction-batch clean JOB_ID` or `clean --all` gives them up and frees it%n",
                    String.join(", ", resumable.stream().map(job -> String.valueOf(job.jobId())).toList()),
                    ByteSizes.readable(held));
        }
        return 0;
    }
}
