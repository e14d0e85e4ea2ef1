package io.predictionbatch.app.server;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.predictionbatch.app.dashboard.JobOverview;
import io.predictionbatch.app.dashboard.JobQueries;
import io.predictionbatch.app.dashboard.PartitionProgress;
import io.predictionbatch.app.dashboard.RejectedRecords;
import io.predictionbatch.app.job.PredictionJobParameters;
import io.predictionbatch.app.launch.JobControl;
import io.predictionbatch.app.launch.JobNotFoundException;
import io.predictionbatch.app.launch.JobRequest;
import io.predictionbatch.app.output.RejectedRecord;
import io.predictionbatch.app.server.RecordBodies.BadRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Batch jobs over HTTP: launch one (it runs in this server, its partitions on threads or on
 * workers), list them, follow one with its partitions, page through its rejected records, stop
 * and restart it. The command line does the same through the same {@link JobControl}.
 */
@RestController
@ConditionalOnWebApplication
@RequestMapping(path = "/api/jobs", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Jobs")
class JobController {

    private static final int MAX_LIMIT = 1000;
    private static final int FIRST_REJECTS = 10;
    /** Pages refresh a job's detail every second: within that, every open page gets the same answer. */
    private static final Duration DETAIL_FRESHNESS = Duration.ofSeconds(1);

    private final JobControl jobControl;
    private final JobQueries queries;
    private final RejectedRecords rejectedRecords;
    private final DataDirectories dataDirectories;
    /**
     * Job details read in the last second. Five pages watching a running job cost its database one
     * read a second instead of five (polling slowed a 1M-row job by 8 % without this); a stop or
     * restart through this server forgets the job's detail at once.
     */
    private final Cache<Long, JobDetailView> details = Caffeine.newBuilder().expireAfterWrite(DETAIL_FRESHNESS)
            .maximumSize(1_000).build();

    JobController(JobControl jobControl, JobQueries queries, RejectedRecords rejectedRecords,
            DataDirectories dataDirectories) {
        this.jobControl = jobControl;
        this.queries = queries;
        this.rejectedRecords = rejectedRecords;
        this.dataDirectories = dataDirectories;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Launches a job: 202 with the job at once; it runs on, GET it to follow")
    ResponseEntity<JobView> launch(@RequestBody JobLaunchRequest request) throws Exception {
        PredictionJobParameters parameters;
        try {
            JobRequest job = request.toJobRequest(dataDirectories);
            // Before anything reads the files: a refusal must not tell what lies outside.
            dataDirectories.check(job.input(), "input");
            dataDirectories.check(job.output(), "output");
            dataDirectories.check(job.errors(), "errors file");
            parameters = jobControl.parameters(job);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        dataDirectories.check(parameters.errors(), "errors file"); // by default beside the output
        return accepted(jobControl.start(parameters));
    }

    @GetMapping
    @Operation(summary = "The latest jobs, newest first, optionally of one status and one model")
    List<JobView> jobs(@RequestParam(required = false) String status, @RequestParam(required = false) String model,
            @RequestParam(defaultValue = "50") int limit) {
        requireLimit(limit);
        return queries.recentJobs(blankToNull(status), blankToNull(model), limit).stream().map(JobView::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One job with its partitions, why it ended short if it did, and its first rejected records")
    JobDetailView detail(@PathVariable long id) {
        return details.get(id, this::readDetail);
    }

    private JobDetailView readDetail(long id) {
        JobOverview job = overview(id);
        List<PartitionProgress> partitions = queries.partitions(id);
        return new JobDetailView(JobView.of(job), JobQueries.failureReason(job, partitions).orElse(null),
                partitions.stream().map(JobDetailView.Partition::of).toList(),
                rejectedRecords.page(job, 0, FIRST_REJECTS), "/api/jobs/" + id + "/rejects");
    }

    @GetMapping("/{id}/rejects")
    @Operation(summary = "The records the job set aside, in input order, with line and reason")
    List<RejectedRecord> rejects(@PathVariable long id, @RequestParam(defaultValue = "0") long offset,
            @RequestParam(defaultValue = "100") int limit) {
        requireLimit(limit);
        if (offset < 0) {
            throw new BadRequestException("offset must not be negative; it is " + offset);
        }
        return rejectedRecords.page(overview(id), offset, limit);
    }

    @PostMapping("/{id}/stop")
    @Operation(summary = "Stops a running job: each partition ends at its next chunk boundary (409 when not running)")
    ResponseEntity<JobView> stop(@PathVariable long id) {
        jobControl.stop(id);
        details.invalidate(id);
        return ResponseEntity.accepted().body(JobView.of(overview(id)));
    }

    @PostMapping("/{id}/restart")
    @Operation(summary = "Resumes a failed or stopped job from its last committed chunk (409 when running or done)")
    ResponseEntity<JobView> restart(@PathVariable long id) throws Exception {
        JobExecution restarted = jobControl.restart(id);
        details.invalidate(id);
        return accepted(restarted);
    }

    private ResponseEntity<JobView> accepted(JobExecution execution) {
        long id = execution.getJobInstance().getInstanceId();
        return ResponseEntity.accepted().location(URI.create("/api/jobs/" + id)).body(JobView.of(overview(id)));
    }

    private JobOverview overview(long id) {
        return queries.job(id).orElseThrow(() -> new JobNotFoundException(id));
    }

    private static void requireLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT + "; it is " + limit);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
