package io.predictionbatch.app.server;

import java.nio.file.Path;

import io.predictionbatch.app.launch.JobRequest;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST /api/jobs}: the options of {@code predict}. Relative paths are taken
 * from the server's first data directory, and every file must lie under one.
 */
@Schema(description = "A job to launch: the options of `prediction-batch predict`")
record JobLaunchRequest(
        @Schema(description = "qualified model name; may be left out when one model is hosted") String model,
        @Schema(description = "the CSV or JSON Lines file to score", requiredMode = Schema.RequiredMode.REQUIRED)
        String input,
        @Schema(description = "the prediction file (or outputTable)") String output,
        @Schema(description = "write to the tables prediction_result and prediction_rejected instead of files")
        Boolean outputTable,
        @Schema(description = "csv or jsonl; by default from the input's extension") String inputFormat,
        @Schema(description = "csv or jsonl; by default from the output's extension") String outputFormat,
        @Schema(description = "an input column copied into each prediction") String key,
        @Schema(description = "where rejected records go; by default beside the output") String errors,
        @Schema(description = "slices run in parallel") Integer partitions,
        @Schema(description = "records per transaction") Integer chunkSize,
        @Schema(description = "fail past this many rejected records; -1 for no limit") Long maxErrors,
        @Schema(description = "fail past this share of rejected records, 0 to 1") Double maxErrorRate,
        @Schema(description = "refuse the job when the output or errors file exists, rather than replace it")
        Boolean noOverwrite,
        @Schema(description = "the CSV field delimiter, one character or tab; by default a comma") String delimiter,
        @Schema(description = "the input's text encoding, UTF-8 or a single-byte one; by default UTF-8")
        String encoding,
        @Schema(description = "the longest record read, in bytes; a longer one is rejected (default 4 MiB)")
        Integer maxRecordBytes) {

    JobRequest toJobRequest(DataDirectories directories) {
        return new JobRequest(model, directories.resolve(path(input)), directories.resolve(path(output)),
                Boolean.TRUE.equals(outputTable),
                inputFormat, outputFormat, key, directories.resolve(path(errors)), partitions, chunkSize, maxErrors,
                maxErrorRate, Boolean.TRUE.equals(noOverwrite), delimiter, encoding, maxRecordBytes);
    }

    private static Path path(String text) {
        return text == null || text.isBlank() ? null : Path.of(text);
    }
}
