package io.predictionbatch.app.server;

import java.time.OffsetDateTime;
import java.util.List;

import io.predictionbatch.app.dashboard.PartitionProgress;
import io.predictionbatch.app.output.RejectedRecord;

/**
 * One job in full: its figures, why it ended short if it did, each partition, and the first
 * records it set aside ({@code rejects} links to all of them).
 */
record JobDetailView(JobView job, String failureReason, List<Partition> partitions, List<RejectedRecord> firstRejects,
        String rejects) {

    /**
     * @param ranOn where its latest run happens or happened: {@code host:pid thread}, or {@code (no
     *        worker)} for a partition stopped before a worker took it
     * @param runs how many times it was run: more than once after a restart or a lost worker
     */
    record Partition(String name, int index, String status, long firstLine, long records, long done,
            double percentDone, long written, long rejected, String ranOn, int runs, OffsetDateTime startTime,
            OffsetDateTime endTime) {

        static Partition of(PartitionProgress partition) {
            return new Partition(partition.stepName(), partition.index(), partition.status(), partition.firstLine(),
                    partition.records(), partition.done(), partition.percentDone(), partition.writeCount(),
                    partition.skipCount(), partition.ranOn(), partition.runs(), JobView.zoned(partition.startTime()),
                    JobView.zoned(partition.endTime()));
        }
    }
}
