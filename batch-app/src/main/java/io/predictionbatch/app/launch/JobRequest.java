package io.predictionbatch.app.launch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.predictionbatch.app.config.PredictionBatchProperties;
import io.predictionbatch.app.input.InputDialect;
import io.predictionbatch.app.input.InputFormat;
import io.predictionbatch.app.job.ErrorThreshold;
import io.predictionbatch.app.job.PredictionJobParameters;
import io.predictionbatch.app.output.OutputFormat;
import io.predictionbatch.model.registry.HostedModel;
import io.predictionbatch.model.registry.ModelRegistry;

/**
 * A job as a user asks for it, from the command line ({@code predict}) or the REST API
 * ({@code POST /api/jobs}): the same options, left out where the defaults do. Turned into the
 * job's {@link PredictionJobParameters} by one set of rules for both.
 *
 * @param model the model's qualified name; may be left out when only one model is hosted
 * @param input the file to score
 * @param output the prediction file; {@code null} with {@code outputTable}
 * @param outputTable predictions go to the result tables instead of a file
 * @param inputFormat {@code csv} or {@code jsonl}; by default the input's extension tells
 * @param outputFormat {@code csv} or {@code jsonl}; by default the output's extension tells
 * @param key an input column copied into each prediction
 * @param errors where rejected records go; by default beside the output
 * @param partitions slices run in parallel; by default one per worker thread
 * @param chunkSize records per transaction
 * @param maxErrors rejected records beyond which the job fails; -1 for no limit
 * @param maxErrorRate share of rejected records beyond which the job fails, 0 to 1
 * @param noOverwrite refuse the job when its output or errors file exists, rather than replace it
 * @param delimiter the CSV field delimiter, one character or {@code tab}; by default a comma
 * @param encoding the input's text encoding; by default UTF-8
 * @param maxRecordBytes the longest record read; a longer one is rejected
 */
public record JobRequest(
        String model,
        Path input,
        Path output,
        boolean outputTable,
        String inputFormat,
        String outputFormat,
        String key,
        Path errors,
        Integer partitions,
        Integer chunkSize,
        Long maxErrors,
        Double maxErrorRate,
        boolean noOverwrite,
        String delimiter,
        String encoding,
        Integer maxRecordBytes) {

    /** The job's parameters; {@link IllegalArgumentException} says what is wrong with the request. */
    public PredictionJobParameters toParameters(ModelRegistry models, PredictionBatchProperties properties) {
        if (input == null) {
            throw new IllegalArgumentException("Name the input file to score");
        }
        if (outputTable == (output != null)) {
            throw new IllegalArgumentException("Name either an output file or the output table, one of the two");
        }
        // Before the extensions are read: a directory's name says nothing of a format.
        if (Files.isDirectory(input)) {
            throw new IllegalArgumentException("Input '" + input + "' is a directory; give a CSV or JSON Lines file");
        }
        if (output != null && Files.isDirectory(output)) {
            throw new IllegalArgumentException("Output '" + output + "' is a directory; give the file to"
                    + " write the predictions to, e.g. " + output.resolve("predictions.csv"));
        }
        Path absoluteOutput = null;
        Path errorsFile = null;
        OutputFormat resolvedOutputFormat = OutputFormat.TABLE;
        if (!outputTable) {
            absoluteOutput = output.toAbsolutePath().normalize();
            resolvedOutputFormat = outputFormat != null ? OutputFormat.parse(outputFormat)
                    : OutputFormat.fromExtension(absoluteOutput).orElseThrow(() -> new IllegalArgumentException(
                            "Cannot tell the format of output '" + output + "' from its extension; name it .csv or"
                                    + " .jsonl, or pass --output-format csv|jsonl"));
            errorsFile = errors != null ? errors.toAbsolutePath().normalize()
                    : defaultErrors(absoluteOutput, resolvedOutputFormat);
            for (Path file : List.of(absoluteOutput, errorsFile)) {
                if (noOverwrite && Files.exists(file)) {
                    throw new IllegalArgumentException("'" + file + "' exists, and --no-overwrite keeps it: remove it or"
                            + " name another file");
                }
            }
        } else if (errors != null || outputFormat != null) {
            throw new IllegalArgumentException("--errors and --output-format are for file output; --output-table"
                    + " writes rejected records to the table prediction_rejected");
        }
        HostedModel<?, ?> hosted = models.get(modelReference(models));
        return new PredictionJobParameters(hosted.qualifiedName(), hosted.version(), input.toAbsolutePath().normalize(),
                inputDialect(),
                absoluteOutput, resolvedOutputFormat, errorsFile,
                partitions != null ? partitions : properties.effectivePartitions(),
                chunkSize != null ? chunkSize : properties.chunkSize(), key,
                new ErrorThreshold(maxErrors != null ? maxErrors : -1, maxErrorRate != null ? maxErrorRate : 1.0),
                PredictionJobParameters.newRequestId());
    }

    private InputDialect inputDialect() {
        InputFormat format = inputFormat != null ? InputFormat.parse(inputFormat) : InputFormat.fromExtension(input)
                .orElseThrow(() -> new IllegalArgumentException("Cannot tell the format of input '" + input + "' from"
                        + " its extension; name it .csv or .jsonl, or pass --input-format csv|jsonl"));
        InputDialect defaults = InputDialect.of(format);
        return new InputDialect(format, delimiter != null ? InputDialect.parseDelimiter(delimiter) : defaults.delimiter(),
                encoding != null ? InputDialect.parseEncoding(encoding) : defaults.encoding(),
                maxRecordBytes != null ? maxRecordBytes : defaults.maxRecordBytes());
    }

    /** The model asked for, {@code NAME} (its newest version) or {@code NAME@VERSION}, or the only one hosted. */
    private String modelReference(ModelRegistry models) {
        if (model != null && !model.isBlank()) {
            return model;
        }
        List<String> names = models.available().stream().map(HostedModel::qualifiedName).distinct().toList();
        if (names.size() != 1) {
            throw new IllegalArgumentException("Name the model with --model; hosted models: " + String.join(", ", names));
        }
        return names.get(0);
    }

    private static Path defaultErrors(Path output, OutputFormat format) {
        String name = output.getFileName().toString();
        String base = name.toLowerCase().endsWith(format.extension())
                ? name.substring(0, name.length() - format.extension().length()) : name;
        return output.resolveSibling(base + ".errors" + format.extension());
    }
}
