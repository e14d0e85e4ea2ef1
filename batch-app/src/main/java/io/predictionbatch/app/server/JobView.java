package io.predictionbatch.app.server;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import io.predictionbatch.app.dashboard.JobOverview;

/**
 * A job as the API and the page show it: its figures as {@link JobOverview} computes them, times
 * with their offset.
 *
 * @param id the job's id (its job instance), which restarts keep
 * @param doneRecords records got through over all runs, of {@code totalRecords}
 * @param recordsPerSecond the latest run's speed
 * @param etaSeconds time left at that speed while the job runs, else {@code null}
 */
record JobView(long id, long executionId, String status, String model, String modelVersion, String input, String output, int partitions,
        long totalRecords, long doneRecords, long writtenRecords, long rejectedRecords, double percentDone,
        double recordsPerSecond, Long etaSeconds, double durationSeconds, int executions, OffsetDateTime createTime,
        OffsetDateTime startTime, OffsetDateTime endTime) {

    static JobView of(JobOverview job) {
        LocalDateTime now = LocalDateTime.now();
        return new JobView(job.jobId(), job.executionId(), job.status(), job.model(), job.modelVersion(), job.input(), job.output(),
                job.partitions(), job.totalRecords(), job.doneRecords(), job.writtenRecords(), job.rejectedRecords(),
                job.percentDone(), job.recordsPerSecond(now), job.eta(now).map(eta -> eta.toSeconds()).orElse(null),
                job.elapsed(now).toMillis() / 1000.0, job.executions(), zoned(job.createTime()),
                zoned(job.startTime()), zoned(job.endTime()));
    }

    /** The repository keeps local times of the machine that wrote them; this server's zone is assumed. */
    static OffsetDateTime zoned(LocalDateTime time) {
        return time == null ? null : time.atZone(ZoneId.systemDefault()).toOffsetDateTime();
    }
}
