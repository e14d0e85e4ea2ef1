package io.predictionbatch.app.job;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.UUID;

import io.predictionbatch.app.input.InputDialect;
import io.predictionbatch.app.input.InputFormat;
import io.predictionbatch.app.output.OutputFormat;
import io.predictionbatch.app.output.ResultTables;
import io.predictionbatch.model.registry.ModelReference;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * What one prediction job was asked to do, typed; stored as the job's parameters so a restart,
 * a worker or the dashboard reads the same values.
 *
 * @param model the model's qualified name
 * @param modelVersion the model's version, resolved when the job was launched so that a restart or a
 *        worker uses the same one; {@code null} for jobs of earlier releases (the newest is used)
 * @param input the input file, absolute
 * @param inputDialect the input's record format, delimiter, encoding and longest record
 * @param output the prediction file, absolute; {@code null} for table output
 * @param outputFormat the format of the prediction and errors files, or {@code TABLE}
 * @param errors the file rejected records go to, absolute; {@code null} for table output
 * @param partitions how many slices the input is split into
 * @param chunkSize records per transaction
 * @param keyColumn an input column copied into each prediction, or {@code null}
 * @param errorThreshold when rejected records fail the job
 * @param requestId makes each submitted job a new job instance, even with the same options
 */
public record PredictionJobParameters(
        String model,
        String modelVersion,
        Path input,
        InputDialect inputDialect,
        Path output,
        OutputFormat outputFormat,
        Path errors,
        int partitions,
        int chunkSize,
        String keyColumn,
        ErrorThreshold errorThreshold,
        String requestId) {

    public static final String MODEL = "model";
    public static final String MODEL_VERSION = "modelVersion";
    public static final String INPUT = "input";
    public static final String OUTPUT = "output";

    public PredictionJobParameters {
        if (partitions < 1) {
            throw new IllegalArgumentException("--partitions must be at least 1, not " + partitions);
        }
        if (chunkSize < 1) {
            throw new IllegalArgumentException("--chunk-size must be at least 1, not " + chunkSize);
        }
        if (outputFormat.isFile()) {
            if (output.equals(input) || errors.equals(input)) {
                throw new IllegalArgumentException("The output and errors files must not be the input file");
            }
            if (errors.equals(output)) {
                throw new IllegalArgumentException("The errors file must not be the output file");
            }
        }
    }

    /** How the registry is asked for the job's model: {@code NAME@VERSION}, or {@code NAME} for old jobs. */
    public String modelReference() {
        return new ModelReference(model, modelVersion).toString();
    }

    /** Predictions go to the result tables rather than to files. */
    public boolean toTable() {
        return !outputFormat.isFile();
    }

    /** Where predictions go, as the dashboard shows it. */
    public String outputDescription() {
        return toTable() ? "table " + ResultTables.RESULTS : output.toString();
    }

    /** Where rejected records go, as the dashboard shows it. */
    public String errorsDescription() {
        return toTable() ? "table " + ResultTables.REJECTS : errors.toString();
    }

    /** A new request: a fresh id makes it a new job instance. */
    public static String newRequestId() {
        return UUID.randomUUID().toString();
    }

    public JobParameters toJobParameters() {
        JobParametersBuilder builder = new JobParametersBuilder()
                .addString(MODEL, model)
                .addString(INPUT, input.toString())
                .addString("inputFormat", inputDialect.format().name(), false)
                .addString("delimiter", String.valueOf(inputDialect.delimiter()), false)
                .addString("encoding", inputDialect.encoding().name(), false)
                .addLong("maxRecordBytes", (long) inputDialect.maxRecordBytes(), false)
                .addString(OUTPUT, outputDescription())
                .addString("outputFormat", outputFormat.name(), false)
                .addString("errors", errorsDescription(), false)
                .addLong("partitions", (long) partitions, false)
                .addLong("chunkSize", (long) chunkSize, false)
                .addLong("maxErrors", errorThreshold.maxErrors(), false)
                .addDouble("maxErrorRate", errorThreshold.maxErrorRate(), false)
                .addString("requestId", requestId);
        if (keyColumn != null) {
            builder.addString("keyColumn", keyColumn, false);
        }
        if (modelVersion != null) {
            builder.addString(MODEL_VERSION, modelVersion, false);
        }
        return builder.toJobParameters();
    }

    public static PredictionJobParameters from(JobParameters parameters) {
        OutputFormat outputFormat = OutputFormat.valueOf(parameters.getString("outputFormat"));
        return new PredictionJobParameters(
                parameters.getString(MODEL),
                parameters.getString(MODEL_VERSION),
                Path.of(parameters.getString(INPUT)),
                inputDialect(parameters),
                outputFormat.isFile() ? Path.of(parameters.getString(OUTPUT)) : null,
                outputFormat,
                outputFormat.isFile() ? Path.of(parameters.getString("errors")) : null,
                parameters.getLong("partitions").intValue(),
                parameters.getLong("chunkSize").intValue(),
                parameters.getString("keyColumn"),
                new ErrorThreshold(parameters.getLong("maxErrors"), parameters.getDouble("maxErrorRate")),
                parameters.getString("requestId"));
    }

    /** Jobs from before the dialect options were added read with the defaults. */
    private static InputDialect inputDialect(JobParameters parameters) {
        InputDialect defaults = InputDialect.of(InputFormat.valueOf(parameters.getString("inputFormat")));
        String delimiter = parameters.getString("delimiter");
        String encoding = parameters.getString("encoding");
        Long maxRecordBytes = parameters.getLong("maxRecordBytes");
        return new InputDialect(defaults.format(), delimiter != null ? delimiter.charAt(0) : defaults.delimiter(),
                encoding != null ? Charset.forName(encoding) : defaults.encoding(),
                maxRecordBytes != null ? maxRecordBytes.intValue() : defaults.maxRecordBytes());
    }

    public boolean hasKey() {
        return keyColumn != null;
    }
}
