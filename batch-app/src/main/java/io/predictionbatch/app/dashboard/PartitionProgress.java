package io.predictionbatch.app.dashboard;

import java.time.LocalDateTime;

/**
 * One partition of a job (a row of the {@code prediction_partition_progress} view): counts over
 * all its runs; status, times and place of the latest.
 *
 * @param ranOn where the latest run happens or happened: {@code host:pid thread}, or {@code (no worker)}
 *        for a partition stopped before a worker took it
 * @param runs how many times the partition was run (more than once after a restart or a lost worker)
 */
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
        String exitMessage,
        String ranOn,
        int runs) {

    public double percentDone() {
        return records == 0 ? 100 : 100.0 * done / records;
    }
}
