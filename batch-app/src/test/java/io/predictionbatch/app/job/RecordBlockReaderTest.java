package io.predictionbatch.app.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import io.predictionbatch.app.input.InputRecord;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.support.ListItemReader;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

class RecordBlockReaderTest {

    /** Five records, counted as a restartable reader counts them. */
    private static final class FiveRecords extends AbstractItemCountingItemStreamItemReader<InputRecord> {
        private final ListItemReader<InputRecord> records = new ListItemReader<>(List.of(record(2), record(3),
                record(4), record(5), record(6)));
        int reads;

        FiveRecords() {
            setName("records");
        }

        @Override
        protected InputRecord doRead() {
            reads++;
            return records.read();
        }

        @Override
        protected void doOpen() {
        }

        @Override
        protected void doClose() {
        }
    }

    private static InputRecord record(long line) {
        return InputRecord.csv(line, new String[] {String.valueOf(line)});
    }

    @Test
    void readsBlocksOfTheSizeInOrderThenALastPartOneAndAsksNoMoreOnceTheRecordsEnd() throws Exception {
        FiveRecords records = new FiveRecords();
        RecordBlockReader reader = new RecordBlockReader(records, 2);
        reader.open(new ExecutionContext());

        assertThat(reader.read()).extracting(InputRecord::line).containsExactly(2L, 3L);
        assertThat(reader.read()).extracting(InputRecord::line).containsExactly(4L, 5L);
        ExecutionContext afterTwoBlocks = new ExecutionContext();
        reader.update(afterTwoBlocks);
        assertThat(afterTwoBlocks.getInt("records.read.count")).as("the restart position, in records").isEqualTo(4);
        assertThat(reader.read()).extracting(InputRecord::line).containsExactly(6L);
        assertThat(reader.read()).isNull();
        assertThat(reader.read()).isNull();
        assertThat(records.reads).as("one ask past the last record").isEqualTo(6);

        RecordBlockReader restarted = new RecordBlockReader(new FiveRecords(), 2);
        restarted.open(afterTwoBlocks);
        assertThat(restarted.read()).extracting(InputRecord::line).containsExactly(6L);
    }

    @Test
    void refusesABlockOfNoRecords() {
        assertThatThrownBy(() -> new RecordBlockReader(new FiveRecords(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
