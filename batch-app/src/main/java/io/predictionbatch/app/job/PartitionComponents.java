package io.predictionbatch.app.job;

import io.predictionbatch.app.config.ProcessName;
import io.predictionbatch.app.input.InputInspector;
import io.predictionbatch.app.input.InputRecord;
import io.predictionbatch.app.input.Slice;
import io.predictionbatch.app.input.SliceReader;
import io.predictionbatch.app.output.OutputColumns;
import io.predictionbatch.app.output.PartFiles;
import io.predictionbatch.app.output.PartWriters;
import io.predictionbatch.app.output.PredictionRow;
import io.predictionbatch.app.output.RejectedRecord;
import io.predictionbatch.app.output.ResultTables;
import io.predictionbatch.model.registry.HostedModel;
import io.predictionbatch.model.registry.ModelRegistry;
import io.predictionbatch.model.registry.UnknownModelException;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.file.FlatFileItemWriter;

/**
 * The reader, processor and writer of one partition, made for its slice of the file and its part
 * files; they pass blocks of at most the job's chunk size of records.
 *
 * @param reader reads the partition's slice in blocks
 * @param processor binds and predicts with the JVM's cached model
 * @param writer writes predictions to the partition's part file (or the result table) and
 *        rejected records to its rejects part file (or their table), and counts them
 */
record PartitionComponents(RecordBlockReader reader, PredictionProcessor<?, ?> processor,
        PredictedBlockWriter writer) {

    static final String PREDICTIONS_WRITER = "predictions";
    static final String REJECTS_WRITER = "rejects";

    static PartitionComponents create(StepExecution partition, ModelRegistry models, ResultTables resultTables) {
        PredictionJobParameters parameters = PredictionJobParameters.from(partition.getJobParameters());
        Slice slice = Slice.readFrom(partition.getExecutionContext());
        HostedModel<?, ?> model = hostedModel(models, parameters);
        String version = model.version();
        long jobInstanceId = partition.getJobExecution().getJobInstance().getInstanceId();

        RecordBlockReader reader = new RecordBlockReader(new SliceReader("reader", parameters.input(), slice,
                parameters.inputDialect()), parameters.chunkSize());
        // The header is read again here (one line) rather than carried: a partition on a remote
        // worker sees the same file.
        var columns = InputInspector.inspect(parameters.input(), parameters.inputDialect(), model.binder().fieldNames(),
                parameters.keyColumn()).columns();
        var processor = new PredictionProcessor<>(model, columns, parameters.keyColumn());
        if (parameters.toTable()) {
            return new PartitionComponents(reader, processor, new PredictedBlockWriter(partition,
                    resultTables.predictionWriter(jobInstanceId, model),
                    new RejectedRecordWriter(parameters.inputDialect(), resultTables.rejectWriter(jobInstanceId)),
                    parameters.errorThreshold()));
        }
        PartFiles parts = PartFiles.of(parameters.output(), jobInstanceId);
        boolean withKey = parameters.hasKey();
        FlatFileItemWriter<PredictionRow> writer = PartWriters.create(PREDICTIONS_WRITER,
                parts.predictions(slice.index()), parameters.outputFormat().rows(
                        OutputColumns.of(parameters.keyColumn(), model.outputFields().fieldNames())),
                (PredictionRow row) -> row.values(withKey, version));
        RejectedRecordWriter rejects = new RejectedRecordWriter(parameters.inputDialect(), PartWriters.create(REJECTS_WRITER,
                parts.rejects(slice.index()), parameters.outputFormat().rows(RejectedRecord.COLUMNS),
                RejectedRecord::values));
        return new PartitionComponents(reader, processor, new PredictedBlockWriter(partition, writer, rejects,
                parameters.errorThreshold()));
    }

    /** The job's model, or why this process cannot run its partition: a worker must host every model. */
    private static HostedModel<?, ?> hostedModel(ModelRegistry models, PredictionJobParameters parameters) {
        try {
            return models.get(parameters.modelReference());
        } catch (UnknownModelException e) {
            throw new UnknownModelException(e.requestedName(), e.availableNames(), "Model '"
                    + parameters.modelReference() + "' is not hosted on worker " + ProcessName.current()
                    + ": give every worker the same models directory. " + e.getMessage());
        }
    }
}
