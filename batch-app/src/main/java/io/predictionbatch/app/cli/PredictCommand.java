package io.predictionbatch.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import io.predictionbatch.app.input.InputFormat;
import io.predictionbatch.app.input.StdinSpool;
import io.predictionbatch.app.job.PredictionJobParameters;
import io.predictionbatch.app.launch.JobControl;
import io.predictionbatch.app.launch.JobRequest;
import org.springframework.batch.core.job.JobExecution;
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
            description = "The model (see `models`): NAME for its newest version, or NAME@VERSION; may be left out"
                    + " when only one is hosted.")
    private String model;

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "FILE",
            description = "The records to score: a CSV or JSON Lines file, gzip-compressed or not; - for standard"
                    + " input (with --input-format).")
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

    @Option(names = "--max-errors", paramLabel = "N",
            description = "Fail the job when more records than this are rejected (default: -1, no limit).")
    private Long maxErrors;

    @Option(names = "--max-error-rate", paramLabel = "FRACTION",
            description = "Fail the job when a larger share of records is rejected, 0 to 1 (default: 1, no limit).")
    private Double maxErrorRate;

    @Option(names = "--no-overwrite",
            description = "Refuse to start when the output or errors file exists (by default they are replaced).")
    private boolean noOverwrite;

    @Option(names = "--delimiter", paramLabel = "CHAR",
            description = "The CSV field delimiter: one character, or tab (default: a comma).")
    private String delimiter;

    @Option(names = "--encoding", paramLabel = "CHARSET", description = {"The input's text encoding: UTF-8 (the"
            + " default) or a single-byte one such as ISO-8859-1 or windows-1252.",
            "A record with bytes that are not valid in it is rejected, never altered."})
    private String encoding;

    @Option(names = "--max-record-bytes", paramLabel = "N",
            description = "Reject a record longer than this many bytes (default: 4194304, 4 MiB).")
    private Integer maxRecordBytes;

    @Option(names = {"-q", "--quiet"}, description = "No progress display; print only the summary.")
    private boolean quiet;

    private final JobControl jobControl;
    private final JobFollower follower;

    PredictCommand(JobControl jobControl, JobFollower follower) {
        this.jobControl = jobControl;
        this.follower = follower;
    }

    @Override
    public Integer call() throws Exception {
        boolean stdin = input.toString().equals("-");
        Path records = stdin ? spoolStandardInput() : input;
        PredictionJobParameters parameters;
        List<Path> replaced;
        JobExecution execution;
        try {
            parameters = jobControl.parameters(new JobRequest(model, records, destination.output, destination.table,
                    inputFormat, outputFormat, key, errors, partitions, chunkSize, maxErrors, maxErrorRate, noOverwrite,
                    delimiter, encoding, maxRecordBytes));
            replaced = Stream.of(parameters.output(), parameters.errors())
                    .filter(file -> file != null && Files.exists(file)).toList();
            execution = jobControl.start(parameters);
        } catch (Exception e) {
            StdinSpool.deleteIfSpool(records, destination.output);
            throw e;
        }
        var err = spec.commandLine().getErr();
        if (!quiet) {
            err.printf("Job %d started: %s on %s%n", execution.getJobInstance().getInstanceId(), parameters.model(),
                    stdin ? "standard input (kept in " + records + " until the job is over)" : parameters.input());
            err.flush();
        }
        int exitCode = follower.follow(execution, System.out, System.err, !quiet);
        if (exitCode == 0) {
            replaced.forEach(file -> System.out.println("Replaced the file that was there: " + file
                    + " (--no-overwrite refuses instead)"));
        }
        return exitCode;
    }

    /** Standard input, kept in a file beside the output: partitions and a restart read it from there. */
    private Path spoolStandardInput() {
        if (inputFormat == null) {
            throw new IllegalArgumentException("--input - reads standard input, which has no extension to tell its"
                    + " format: add --input-format csv|jsonl");
        }
        if (destination.output == null) {
            throw new IllegalArgumentException("--input - needs an output file: the records read are kept beside it"
                    + " until the job is over");
        }
        return StdinSpool.create(System.in, destination.output, InputFormat.parse(inputFormat));
    }
}
