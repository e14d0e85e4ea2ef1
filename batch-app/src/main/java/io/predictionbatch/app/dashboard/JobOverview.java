package io.predictionbatch.app.dashboard;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;

import io.predictionbatch.model.registry.ModelReference;

/**
 * One prediction job as the dashboard shows it (a row of the {@code prediction_job_overview} view),
 * with the figures derived from it: share done, speed, time left. The command line, the REST API
 * and the page all take them from here.
 *
 * @param jobId the job instance id, which a restart keeps
 * @param executionId the latest execution's id
 * @param doneRecords records the job got through, over all its runs
 * @param runRecords records the latest run got through, which its speed is measured on
 * @param modelVersion the version of the model the job runs, {@code null} for jobs of releases
 *     that did not record it
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
        String modelVersion,
        String input,
        String output,
        int partitions,
        long totalRecords,
        long doneRecords,
        long writtenRecords,
        long rejectedRecords,
        long runRecords) {

    /** Shown for a job the repository says runs but whose process is gone: {@code restart} resumes it. */
    public static final String INTERRUPTED = "INTERRUPTED";

    /** The same job, shown as interrupted. */
    JobOverview interrupted() {
        return new JobOverview(jobId, executionId, INTERRUPTED, exitCode, exitMessage, createTime, startTime, endTime,
                executions, model, modelVersion, input, output, partitions, totalRecords, doneRecords, writtenRecords,
                rejectedRecords, runRecords);
    }

    /** The model as users name it: {@code NAME@VERSION}, or the name alone when no version was recorded. */
    public String modelReference() {
        return model == null ? null : new ModelReference(model, modelVersion).toString();
    }

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

    /** Records per second of the latest run. */
    public double recordsPerSecond(LocalDateTime now) {
        long millis = elapsed(now).toMillis();
        return millis <= 0 ? 0 : runRecords * 1000.0 / millis;
    }

    /** Time left at the latest run's speed, while it runs and has a speed. */
    public Optional<Duration> eta(LocalDateTime now) {
        double rate = recordsPerSecond(now);
        if (!isRunning() || rate <= 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis((long) (Math.max(0, totalRecords - doneRecords) * 1000 / rate)));
    }
}
