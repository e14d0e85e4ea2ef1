package io.predictionbatch.app.job;

import io.predictionbatch.app.input.InputRecord;
import io.predictionbatch.app.output.PredictionRow;
import io.predictionbatch.app.output.RejectedRecord;
import org.apache.commons.csv.CSVFormat;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Sets skipped records aside in the partition's rejects part file (or the rejects table), with
 * line, reason and text.
 * Spring Batch calls it inside the chunk's transaction, so a rejected record is committed with
 * the chunk it belongs to, exactly once.
 */
public final class RejectedRecordWriter implements SkipListener<InputRecord, PredictionRow>, ItemStream {

    /** How a rejected CSV record is written back as text. */
    private static final CSVFormat RECORD_TEXT = CSVFormat.RFC4180.builder().setRecordSeparator("").get();

    private final ItemWriter<RejectedRecord> writer;

    public RejectedRecordWriter(ItemWriter<RejectedRecord> writer) {
        this.writer = writer;
    }

    @Override
    public void onSkipInProcess(InputRecord record, Throwable cause) {
        write(new RejectedRecord(record.line(), reason(cause), text(record)));
    }

    private static String reason(Throwable cause) {
        return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }

    private static String text(InputRecord record) {
        return record.fields() != null ? RECORD_TEXT.format((Object[]) record.fields()) : record.text();
    }

    private void write(RejectedRecord rejected) {
        try {
            writer.write(Chunk.of(rejected));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot write rejected record of line " + rejected.line() + ": " + e, e);
        }
    }

    @Override
    public void open(ExecutionContext context) {
        if (writer instanceof ItemStream stream) {
            stream.open(context);
        }
    }

    @Override
    public void update(ExecutionContext context) {
        if (writer instanceof ItemStream stream) {
            stream.update(context);
        }
    }

    @Override
    public void close() {
        if (writer instanceof ItemStream stream) {
            stream.close();
        }
    }
}
