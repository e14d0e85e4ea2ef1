package io.predictionbatch.app.job;

import java.util.List;

import io.predictionbatch.app.input.InputDialect;
import io.predictionbatch.app.input.InputRecord;
import io.predictionbatch.app.output.RejectedRecord;
import org.apache.commons.csv.CSVFormat;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Sets rejected records aside in the partition's rejects part file (or the rejects table), with
 * line, reason and text. It writes inside the block's transaction, so a rejected record is
 * committed with the block it belongs to, exactly once.
 */
final class RejectedRecordWriter implements ItemStream {

    /** How a rejected CSV record is written back as text: as in its file, with its delimiter. */
    private final CSVFormat recordText;
    private final ItemWriter<RejectedRecord> writer;

    RejectedRecordWriter(InputDialect dialect, ItemWriter<RejectedRecord> writer) {
        this.recordText = CSVFormat.RFC4180.builder().setDelimiter(dialect.delimiter()).setRecordSeparator("").get();
        this.writer = writer;
    }

    /** Writes the rejections, in their order. */
    void write(List<PredictedBlock.Rejection> rejections) throws Exception {
        Chunk<RejectedRecord> rejected = new Chunk<>();
        for (PredictedBlock.Rejection rejection : rejections) {
            rejected.add(new RejectedRecord(rejection.record().line(), reason(rejection.cause()),
                    text(rejection.record())));
        }
        writer.write(rejected);
    }

    private static String reason(Throwable cause) {
        return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }

    private String text(InputRecord record) {
        return record.fields() != null ? recordText.format((Object[]) record.fields()) : record.text();
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
