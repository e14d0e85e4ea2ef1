package io.predictionbatch.app.dashboard;

import java.time.LocalDateTime;

/** One partition of a job (a row of the {@code prediction_partition_progress} view). */
public record PartitionProgress(
        String stepName,
        int index,
        long firstLine,
        long records,
        String status,
        long readCount,
        long writeCount,
        long skipCount,
        long done,
        LocalDateTime startTime,
        LocalDateTime endTime,
        String exitMessage) {
}
