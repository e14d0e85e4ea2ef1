package io.predictionbatch.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.predictionbatch.app.config.PredictionBatchProperties;
import io.predictionbatch.app.input.InputFormat;
import io.predictionbatch.app.job.ErrorThreshold;
import io.predictionbatch.app.job.PredictionJobParameters;
import io.predictionbatch.app.job.ValidateInputTasklet;
import io.predictionbatch.app.output.OutputFormat;
import io.predictionbatch.app.output.ResultTables;
import io.predictionbatch.model.registry.HostedModel;
import io.predictionbatch.model.registry.ModelRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.stereotype.Component;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code predict}: scores a file with a model in a batch job. */
@Component
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Scores every record of a CSV or JSON Lines file with a model.",
                "Bad records are set aside in the errors file with their line and the reason.",
                "Exits 0 when the job completed, 1 when it failed, 2 on a usage error."})
class PredictCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-m", "--model"}, paramLabel = "NAME",
            description = "Qualified name of the model (see `models`); may be left out when only one is hosted.")
    private String model;

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "FILE", description = "The records to score.")
    private Path input;

    @ArgGroup(multiplicity = "1")
    private Destination destination;

    /** Predictions go to a file or to the result table, one or the other. */
    static final class Destination {
        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where predictions go (a file).")
        private Path output;

        @Option(names = "--output-table", description = {"Write predictions and rejected records to the tables"
                + " prediction_result and prediction_rejected of the job repository (PostgreSQL: distributed mode)."})
        private boolean table;
    }

    @Option(names = "--input-format", paramLabel = "csv|jsonl",
            description = "Format of the input; by default taken from its extension (.csv, .jsonl).")
    private String inputFormat;

    @Option(names = "--output-format", paramLabel = "csv|jsonl",
            description = "Format of the output and errors files; by default taken from the output's extension.")
    private String outputFormat;

    @Option(names = {"-k", "--key"}, paramLabel = "COLUMN",
            description = "An input column to copy into each prediction, so results join back to inputs.")
    private String key;

    @Option(names = {"-e", "--errors"}, paramLabel = "FILE",
            description = "Where rejected records go (default: beside the output, OUTPUT.errors.EXT).")
    private Path errors;

    @Option(names = {"-p", "--partitions"}, paramLabel = "N",
            description = "Slices the input is split into, run in parallel (default: one per worker thread).")
    private Integer partitions;

    @Option(names = "--chunk-size", paramLabel = "N", description = "Records per transaction (default: 5000).")
    private Integer chunkSize;

    @Option(names = "--max-errors", paramLabel = "N", defaultValue = "-1",
            description = "Fail the job when more records than this are rejected (default: -1, no limit).")
    private long maxErrors;

    @Option(names = "--max-error-rate", paramLabel = "FRACTION", defaultValue = "1.0",
            description = "Fail the job when a larger share of records is rejected, 0 to 1 (default: 1, no limit).")
    private double maxErrorRate;

    @Option(names = {"-q", "--quiet"}, description = "No progress display; print only the summary.")
    private boolean quiet;

    private final ModelRegistry models;
    private final ResultTables resultTables;
    private final PredictionBatchProperties properties;
    private final JobOperator jobOperator;
    private final Job predictionJob;
    private final JobFollower follower;

    PredictCommand(ModelRegistry models, ResultTables resultTables, PredictionBatchProperties properties,
            JobOperator jobOperator, Job predictionJob, JobFollower follower) {
        this.models = models;
        this.resultTables = resultTables;
        this.properties = properties;
        this.jobOperator = jobOperator;
        this.predictionJob = predictionJob;
        this.follower = follower;
    }

    @Override
    public Integer call() throws Exception {
        PredictionJobParameters parameters = parameters();
        ValidateInputTasklet.validate(models, resultTables, parameters);
        JobExecution execution = jobOperator.start(predictionJob, parameters.toJobParameters());
        var err = spec.commandLine().getErr();
        if (!quiet) {
            err.printf("Job %d started: %s on %s%n", execution.getJobInstance().getInstanceId(), parameters.model(),
                    parameters.input());
            err.flush();
        }
        return follower.follow(execution, System.out, System.err, !quiet);
    }

    private PredictionJobParameters parameters() {
        // Before the extensions are read: a directory's name says nothing of a format.
        if (Files.isDirectory(input)) {
            throw new IllegalArgumentException("Input '" + input + "' is a directory; give a CSV or JSON Lines file");
        }
        if (!destination.table && Files.isDirectory(destination.output)) {
            throw new IllegalArgumentException("Output '" + destination.output + "' is a directory; give the file to"
                    + " write the predictions to, e.g. " + destination.output.resolve("predictions.csv"));
        }
        Path absoluteOutput = null;
        Path errorsFile = null;
        OutputFormat resolvedOutputFormat = OutputFormat.TABLE;
        if (!destination.table) {
            Path output = destination.output;
            absoluteOutput = output.toAbsolutePath().normalize();
            resolvedOutputFormat = outputFormat != null ? OutputFormat.parse(outputFormat)
                    : OutputFormat.fromExtension(absoluteOutput).orElseThrow(() -> new IllegalArgumentException(
                            "Cannot tell the format of output '" + output + "' from its extension; name it .csv or"
                                    + " .jsonl, or pass --output-format csv|jsonl"));
            errorsFile = errors != null ? errors.toAbsolutePath().normalize()
                    : defaultErrors(absoluteOutput, resolvedOutputFormat);
        } else if (errors != null || outputFormat != null) {
            throw new IllegalArgumentException("--errors and --output-format are for file output; --output-table"
                    + " writes rejected records to the table prediction_rejected");
        }
        return new PredictionJobParameters(modelName(), input.toAbsolutePath().normalize(),
                inputFormat != null ? InputFormat.parse(inputFormat) : InputFormat.fromExtension(input).orElseThrow(
                        () -> new IllegalArgumentException("Cannot tell the format of input '" + input + "' from its"
                                + " extension; name it .csv or .jsonl, or pass --input-format csv|jsonl")),
                absoluteOutput, resolvedOutputFormat, errorsFile,
                partitions != null ? partitions : properties.effectivePartitions(),
                chunkSize != null ? chunkSize : properties.chunkSize(), key,
                new ErrorThreshold(maxErrors, maxErrorRate), PredictionJobParameters.newRequestId());
    }

    private String modelName() {
        if (model != null) {
            return model;
        }
        List<String> names = models.all().stream().map(HostedModel::qualifiedName).toList();
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
