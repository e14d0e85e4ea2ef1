package io.predictionbatch.app.job;

import java.util.ArrayList;
import java.util.List;

import io.predictionbatch.app.output.PredictionRow;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.skip.SkipLimitExceededException;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.support.CompositeItemStream;

/**
 * Writes predicted blocks: their rows to the predictions writer, their rejections to the rejects
 * writer, in the block's transaction; and counts their records in the partition's step execution
 * one by one, as if each record had been an item.
 *
 * <p>Why the counts are set here: the step counts items, and an item is a block. Progress, the
 * dashboards and the error rate read the job repository's per-record counts ({@code read_count},
 * {@code write_count}, {@code process_skip_count}), so this writer adds what the step's own
 * count of one per block leaves out, after the writes succeed and before the step saves its
 * execution in the same transaction. When that transaction does not commit, {@link
 * CommittedContext} puts the counts back with the rest.
 *
 * <p>It also stops the partition at the first record past the job's {@code --max-errors}, with
 * Spring Batch's {@link SkipLimitExceededException}, as a skip policy would: the block is rolled
 * back and the partition fails, unresumable (a restart would reject the same records).
 */
final class PredictedBlockWriter implements ItemStreamWriter<PredictedBlock> {

    private final StepExecution partition;
    private final ItemWriter<PredictionRow> rows;
    private final RejectedRecordWriter rejects;
    private final ErrorThreshold threshold;
    /** The writers' own streams, opened, updated and closed with this one. */
    private final CompositeItemStream streams = new CompositeItemStream();

    PredictedBlockWriter(StepExecution partition, ItemWriter<PredictionRow> rows, RejectedRecordWriter rejects,
            ErrorThreshold threshold) {
        this.partition = partition;
        this.rows = rows;
        this.rejects = rejects;
        this.threshold = threshold;
        if (rows instanceof ItemStream stream) {
            streams.register(stream);
        }
        streams.register(rejects);
    }

    @Override
    public void write(Chunk<? extends PredictedBlock> blocks) throws Exception {
        long records = 0;
        Chunk<PredictionRow> predicted = new Chunk<>();
        List<PredictedBlock.Rejection> rejected = new ArrayList<>();
        for (PredictedBlock block : blocks) {
            records += block.records();
            predicted.addAll(block.rows());
            rejected.addAll(block.rejections());
        }
        refuseRejectsPastThreshold(rejected);
        if (!predicted.isEmpty()) {
            rows.write(predicted);
        }
        if (!rejected.isEmpty()) {
            rejects.write(rejected);
        }
        // The step adds one read and one write per block once this returns.
        partition.setReadCount(partition.getReadCount() + records - blocks.size());
        partition.setWriteCount(partition.getWriteCount() + predicted.size() - blocks.size());
        partition.setProcessSkipCount(partition.getProcessSkipCount() + rejected.size());
    }

    /** Counts this run's rejects of the partition as a skip policy would, and fails at the first past the limit. */
    private void refuseRejectsPastThreshold(List<PredictedBlock.Rejection> rejected) {
        long before = partition.getSkipCount();
        for (int i = 0; i < rejected.size(); i++) {
            if (threshold.countExceeded(before + i + 1)) {
                throw new SkipLimitExceededException(threshold.maxErrors(), rejected.get(i).cause());
            }
        }
    }

    @Override
    public void open(ExecutionContext context) {
        streams.open(context);
    }

    @Override
    public void update(ExecutionContext context) {
        streams.update(context);
    }

    @Override
    public void close() {
        streams.close();
    }
}
