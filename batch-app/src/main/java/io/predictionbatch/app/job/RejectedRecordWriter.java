package io.predictionbatch.app.job;

import io.predictionbatch.app.input.InputDialect;
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

    /** How a rejected CSV record is written back as text: as in its file, with its delimiter. */
    private final CSVFormat recordText;
    private final ItemWriter<RejectedRecord> writer;

    public RejectedRecordWriter(InputDialect dialect, ItemWriter<RejectedRecord> writer) {
        this.recordText = CSVFormat.RFC4180.builder().setDelimiter(dialect.delimiter()).setRecordSeparator("").get();
        this.writer = writer;
    }

    @Override
    public void onSkipInProcess(InputRecord record, Throwable cause) {
        write(new RejectedRecord(record.line(), reason(cause), text(record)));
    }

    private static String reason(Throwable cause) {
        return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }

    private String text(InputRecord record) {
        return record.fields() != null ? recordText.format((Object[]) record.fields()) : record.text();
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
