package io.predictionbatch.app.cli;

import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.predictionbatch.app.dashboard.JobOverview;
import io.predictionbatch.app.dashboard.JobQueries;
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

    JobsCommand(JobQueries queries) {
        this.queries = queries;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<JobOverview> jobs = queries.recentJobs(limit);
        if (jobs.isEmpty()) {
            out.println("No jobs yet. Start one with: prediction-batch predict --input FILE --output FILE");
            return 0;
        }
        out.printf("%-6s %-10s %-14s %21s %7s %-19s %9s  %s%n", "JOB", "STATUS", "MODEL", "RECORDS", "DONE",
                "STARTED", "SECONDS", "INPUT");
        LocalDateTime now = LocalDateTime.now();
        for (JobOverview job : jobs) {
            out.printf(Locale.ROOT, "%-6d %-10s %-14s %21s %6.1f%% %-19s %9.1f  %s%n", job.jobId(), job.status(),
                    job.model(), String.format(Locale.ROOT, "%,d/%,d", job.doneRecords(), job.totalRecords()),
                    job.percentDone(), job.startTime() == null ? "-" : TIME.format(job.startTime()),
                    job.elapsed(now).toMillis() / 1000.0, job.input());
        }
        return 0;
    }
}
