package io.predictionbatch.app.dashboard;

/** Jobs of one model in one status, with their records (a group of {@code prediction_job_overview}). */
public record JobTotals(String model, String status, long jobs, long doneRecords, long writtenRecords,
        long rejectedRecords) {
}
