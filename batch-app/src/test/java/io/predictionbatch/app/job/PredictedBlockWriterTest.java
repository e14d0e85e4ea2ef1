package io.predictionbatch.app.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import io.predictionbatch.app.input.InputDialect;
import io.predictionbatch.app.input.InputFormat;
import io.predictionbatch.app.input.InputRecord;
import io.predictionbatch.app.output.PredictionRow;
import io.predictionbatch.app.output.RejectedRecord;
import io.predictionbatch.model.ModelException;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.skip.SkipLimitExceededException;
import org.springframework.batch.infrastructure.item.Chunk;

class PredictedBlockWriterTest {

    private final StepExecution partition = new StepExecution(3L, "predictPartition:p0000",
            new JobExecution(2L, new JobInstance(1L, "predictionJob"), new JobParameters()));
    private final List<PredictionRow> rows = new ArrayList<>();
    private final List<RejectedRecord> rejects = new ArrayList<>();

    private PredictedBlockWriter writer(ErrorThreshold threshold) {
        return new PredictedBlockWriter(partition, chunk -> chunk.forEach(rows::add),
                new RejectedRecordWriter(InputDialect.of(InputFormat.CSV), chunk -> chunk.forEach(rejects::add)), threshold);
    }

    /** A block of the lines, each even line predicted and each odd one rejected. */
    private static PredictedBlock block(long... lines) {
        List<PredictionRow> predicted = new ArrayList<>();
        List<PredictedBlock.Rejection> rejected = new ArrayList<>();
        for (long line : lines) {
            if (line % 2 == 0) {
                predicted.add(new PredictionRow(line, null, new Object[] {"setosa"}));
            } else {
                rejected.add(new PredictedBlock.Rejection(InputRecord.csv(line, new String[] {"x", String.valueOf(line)}),
                        new ModelException("odd line " + line)));
            }
        }
        return new PredictedBlock(predicted, rejected);
    }

    @Test
    void writesRowsAndRejectsAndCountsEachRecordOnTopOfTheStepsOneReadAndWritePerBlock() throws Exception {
        writer(ErrorThreshold.NONE).write(Chunk.of(block(2, 3, 4, 5, 6)));

        assertThat(rows).extracting(PredictionRow::line).containsExactly(2L, 4L, 6L);
        assertThat(rejects).extracting(RejectedRecord::line).containsExactly(3L, 5L);
        assertThat(rejects.get(0).reason()).isEqualTo("odd line 3");
        assertThat(rejects.get(0).record()).isEqualTo("x,3");
        // What the step then applies for its one block: a read and a write.
        partition.setReadCount(partition.getReadCount() + 1);
        partition.setWriteCount(partition.getWriteCount() + 1);
        assertThat(partition.getReadCount()).isEqualTo(5);
        assertThat(partition.getWriteCount()).isEqualTo(3);
        assertThat(partition.getProcessSkipCount()).isEqualTo(2);
    }

    @Test
    void failsAtTheFirstRejectPastTheLimitCountingThisRunsEarlierOnesAndWritesNothingOfTheBlock() {
        partition.setProcessSkipCount(1);

        assertThatThrownBy(() -> writer(new ErrorThreshold(2, 1.0)).write(Chunk.of(block(2, 3, 4, 5, 7))))
                .isInstanceOf(SkipLimitExceededException.class)
                .cause().hasMessage("odd line 5");
        assertThat(rows).isEmpty();
        assertThat(rejects).isEmpty();
        assertThat(partition.getProcessSkipCount()).isEqualTo(1);
    }
}
