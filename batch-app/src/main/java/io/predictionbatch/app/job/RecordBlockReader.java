package io.predictionbatch.app.job;

import java.util.ArrayList;
import java.util.List;

import io.predictionbatch.app.input.InputRecord;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads a partition's records in blocks, each block one item of the step and one transaction.
 *
 * <p>Why blocks: Spring Batch pays a framework cost for every item (an observation, listener
 * calls, a transaction-scoped bookkeeping entry), which per record was as large as scoring the
 * record. A block pays it once per chunk, and the model's list {@code predict} sees the whole
 * block. Records are still counted, rejected and restarted from one by one: the records reader
 * under this one keeps its position per record, saved when the block's transaction commits.
 */
final class RecordBlockReader implements ItemStreamReader<List<InputRecord>> {

    private final ItemStreamReader<InputRecord> records;
    private final int blockSize;
    /** Whether the records reader has said it has no more: it is not asked again (it would count the ask). */
    private boolean exhausted;

    /**
     * @param records reads one record at a time and keeps the restart position
     * @param blockSize the most records in a block: the job's chunk size
     */
    RecordBlockReader(ItemStreamReader<InputRecord> records, int blockSize) {
        if (blockSize < 1) {
            throw new IllegalArgumentException("a block holds at least one record, not " + blockSize);
        }
        this.records = records;
        this.blockSize = blockSize;
    }

    /** The next block of at most the block size, in input order; {@code null} when the slice is read. */
    @Override
    public List<InputRecord> read() throws Exception {
        List<InputRecord> block = new ArrayList<>(Math.min(blockSize, 1024));
        while (!exhausted && block.size() < blockSize) {
            InputRecord record = records.read();
            if (record == null) {
                exhausted = true;
            } else {
                block.add(record);
            }
        }
        return block.isEmpty() ? null : block;
    }

    @Override
    public void open(ExecutionContext context) {
        exhausted = false;
        records.open(context);
    }

    @Override
    public void update(ExecutionContext context) {
        records.update(context);
    }

    @Override
    public void close() {
        records.close();
    }
}
