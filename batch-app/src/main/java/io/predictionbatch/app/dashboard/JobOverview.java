package io.predictionbatch.app.dashboard;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * One prediction job as the dashboard shows it (a row of the {@code prediction_job_overview} view).
 *
 * @param jobId the job instance id, which a restart keeps
 * @param executionId the latest execution's id
 */
public record JobOverview(
        long jobId,
        long executionId,
        String status,
        String exitCode,
        String exitMessage,
        LocalDateTime createTime,
        LocalDateTime startTime,
        LocalDateTime endTime,
        int executions,
        String model,
        String input,
        String output,
        int partitions,
        long totalRecords,
        long doneRecords,
        long writtenRecords,
        long rejectedRecords) {

    public boolean isRunning() {
        return "STARTING".equals(status) || "STARTED".equals(status) || "STOPPING".equals(status);
    }

    /** Done share, 0 to 100; an empty job is done when it ends. */
    public double percentDone() {
        if (totalRecords == 0) {
            return isRunning() ? 0 : 100;
        }
        return 100.0 * doneRecords / totalRecords;
    }

    /** Time the latest execution has run, up to {@code now} while it runs. */
    public Duration elapsed(LocalDateTime now) {
        if (startTime == null) {
            return Duration.ZERO;
        }
        return Duration.between(startTime, endTime != null ? endTime : now);
    }
}
