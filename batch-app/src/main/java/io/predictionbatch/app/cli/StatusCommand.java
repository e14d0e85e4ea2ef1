package io.predictionbatch.app.cli;

import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.predictionbatch.app.dashboard.JobOverview;
import io.predictionbatch.app.dashboard.JobQueries;
import io.predictionbatch.app.dashboard.PartitionProgress;
import io.predictionbatch.app.launch.JobNotFoundException;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code status JOB_ID}: one job with its partitions and their counts. */
@Component
@Command(name = "status", mixinStandardHelpOptions = true, description = "Shows one job and its partitions.")
class StatusCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "JOB_ID", description = "The job's id, as `jobs` lists it.")
    private long jobId;

    private final JobQueries queries;

    StatusCommand(JobQueries queries) {
        this.queries = queries;
    }

    @Override
    public Integer call() {
        JobOverview job = queries.job(jobId).orElseThrow(() -> new JobNotFoundException(jobId));
        PrintWriter out = spec.commandLine().getOut();
        LocalDateTime now = LocalDateTime.now();
        out.printf("Job %d: %s%n", job.jobId(), job.status());
        out.printf("  model      %s%n  input      %s%n  output     %s%n", job.modelReference(), job.input(),
                job.output());
        out.printf(Locale.ROOT, "  progress   %,d of %,d records (%.1f%%), %,d written, %,d rejected%n",
                job.doneRecords(), job.totalRecords(), job.percentDone(), job.writtenRecords(), job.rejectedRecords());
        out.printf(Locale.ROOT, "  speed      %,.0f records/s%s%n", job.recordsPerSecond(now), job.eta(now)
                .map(left -> String.format(Locale.ROOT, ", %d s left", left.toSeconds())).orElse(""));
        out.printf(Locale.ROOT, "  started    %s, %.1f s; run %d time(s) (a restart is one more run)%n",
                job.startTime() == null ? "-" : JobsCommand.TIME.format(job.startTime()),
                job.elapsed(now).toMillis() / 1000.0, job.executions());
        List<PartitionProgress> partitions = queries.partitions(jobId);
        JobQueries.failureReason(job, partitions).ifPresent(reason -> out.printf("  reason     %s%n", reason));
        out.printf("%n  %-22s %-10s %12s %12s %10s %10s %10s  %s%n", "PARTITION", "STATUS", "FIRST LINE", "RECORDS",
                "READ", "WRITTEN", "REJECTED", "RAN ON");
        for (PartitionProgress partition : partitions) {
            out.printf(Locale.ROOT, "  %-22s %-10s %,12d %,12d %,10d %,10d %,10d  %s%n", partition.stepName(),
                    partition.status(), partition.firstLine(), partition.records(), partition.readCount(),
                    partition.writeCount(), partition.skipCount(), partition.ranOn() == null ? "-" : partition.ranOn());
        }
        return 0;
    }
}
