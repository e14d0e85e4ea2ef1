package io.predictionbatch.app.job;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.predictionbatch.app.input.Slice;
import io.predictionbatch.app.output.OutputColumns;
import io.predictionbatch.app.output.OutputDiskFullException;
import io.predictionbatch.app.output.PartFiles;
import io.predictionbatch.app.output.PartWriters;
import io.predictionbatch.app.output.RejectedRecord;
import io.predictionbatch.app.output.ResultTables;
import io.predictionbatch.app.partition.PartitionNames;
import io.predictionbatch.model.registry.ModelRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The job's last step: checks that every partition accounted for every record it was given, joins
 * the part files in input order into the output and errors files, and applies the error threshold.
 *
 * <p>It rebuilds both files from the parts each time it runs, so running it again after a crash
 * gives the same files. The parts are deleted only once the job has passed.
 */
public final class AssembleOutputTasklet implements Tasklet {

    private static final Log log = LogFactory.getLog(AssembleOutputTasklet.class);

    public static final String STEP_NAME = "assembleOutput";
    public static final String RECORDS = "summary.records";
    public static final String WRITTEN = "summary.written";
    public static final String REJECTED = "summary.rejected";

    private final JobRepository jobRepository;
    private final ModelRegistry models;
    private final ResultTables resultTables;

    public AssembleOutputTasklet(JobRepository jobRepository, ModelRegistry models, ResultTables resultTables) {
        this.jobRepository = jobRepository;
        this.models = models;
        this.resultTables = resultTables;
    }

    /** One partition's committed result. */
    private record PartResult(Slice slice, long written, long rejected) {
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        StepExecution stepExecution = contribution.getStepExecution();
        JobExecution jobExecution = stepExecution.getJobExecution();
        PredictionJobParameters parameters = PredictionJobParameters.from(jobExecution.getJobParameters());
        JobInstance instance = jobExecution.getJobInstance();
        List<PartResult> results = partResults(instance, !parameters.toTable());
        long records = results.stream().mapToLong(r -> r.slice().range().records()).sum();
        long written;
        long rejected;
        if (parameters.toTable()) {
            List<Long> rows = resultTables.rowCounts(instance.getInstanceId());
            written = rows.get(0);
            rejected = rows.get(1);
            if (written + rejected != records) {
                throw new IllegalStateException(String.format("The job was given %d records but the result tables"
                        + " hold %d predictions and %d rejects", records, written, rejected));
            }
        } else {
            try {
                assembleFiles(parameters, instance, results);
            } catch (IOException e) {
                // A half-assembled file is of no use to a restart, which assembles again: its space is freed.
                Files.deleteIfExists(temporaryOf(parameters.output()));
                Files.deleteIfExists(temporaryOf(parameters.errors()));
                Optional<OutputDiskFullException> full = OutputDiskFull.diagnose(stepExecution, List.of(e));
                if (full.isPresent()) {
                    full.get().initCause(e);
                    throw full.get();
                }
                throw e;
            }
            written = results.stream().mapToLong(PartResult::written).sum();
            rejected = results.stream().mapToLong(PartResult::rejected).sum();
        }
        ExecutionContext summary = stepExecution.getExecutionContext();
        summary.putLong(RECORDS, records);
        summary.putLong(WRITTEN, written);
        summary.putLong(REJECTED, rejected);
        contribution.incrementWriteCount(written);

        Optional<String> violation = parameters.errorThreshold().violation(records, rejected);
        if (violation.isPresent()) {
            throw new ErrorThresholdExceededException(violation.get() + "; the rejected records are in "
                    + parameters.errorsDescription());
        }
        if (!parameters.toTable()) {
            PartFiles.of(parameters.output(), instance.getInstanceId()).delete();
        }
        return RepeatStatus.FINISHED;
    }

    private void assembleFiles(PredictionJobParameters parameters, JobInstance instance, List<PartResult> results)
            throws IOException {
        PartFiles parts = PartFiles.of(parameters.output(), instance.getInstanceId());
        if (!Files.isDirectory(parts.folder()) && Files.exists(parameters.output())
                && Files.exists(parameters.errors())) {
            // An earlier run of this step assembled both files and removed the parts, and was then
            // stopped (the job asked to stop just then) or cut off before recording its end: the
            // files in place are the result. (Parts removed by hand fail below, naming the part.)
            log.info("Job " + instance.getInstanceId() + " was assembled by an earlier run of this step");
            return;
        }
        List<String> outputFields = models.get(parameters.modelReference()).outputFields().fieldNames();
        var outputRows = parameters.outputFormat().rows(OutputColumns.of(parameters.keyColumn(), outputFields));
        var rejectRows = parameters.outputFormat().rows(RejectedRecord.COLUMNS);
        concatenate(outputRows.header(), results.stream().map(r -> parts.predictions(r.slice().index())).toList(),
                parameters.output());
        concatenate(rejectRows.header(), results.stream().map(r -> parts.rejects(r.slice().index())).toList(),
                parameters.errors());
    }

    /**
     * The committed state of every partition. For file output, read = written + rejected is
     * checked here, for each partition, against the records the plan gave it (table output is
     * checked on the tables' rows): a record lost or doubled anywhere stops the job rather than
     * produce a wrong result.
     */
    private List<PartResult> partResults(JobInstance instance, boolean checkPartFiles) {
        List<PartResult> results = new ArrayList<>();
        for (int index = 0; ; index++) {
            String stepName = PartitionNames.stepName(index);
            StepExecution partition = jobRepository.getLastStepExecution(instance, stepName);
            if (partition == null) {
                break;
            }
            if (partition.getStatus() != BatchStatus.COMPLETED) {
                throw new IllegalStateException("Partition " + stepName + " is " + partition.getStatus()
                        + ", not COMPLETED; restart the job");
            }
            ExecutionContext context = partition.getExecutionContext();
            Slice slice = Slice.readFrom(context);
            long written = context.getLong(PartWriters.writtenKey(PartitionComponents.PREDICTIONS_WRITER), 0L);
            long rejected = context.getLong(PartWriters.writtenKey(PartitionComponents.REJECTS_WRITER), 0L);
            if (checkPartFiles && written + rejected != slice.range().records()) {
                throw new IllegalStateException(String.format("Partition %s was given %d records but committed %d"
                        + " predictions and %d rejects; its output is not trusted", stepName,
                        slice.range().records(), written, rejected));
            }
            results.add(new PartResult(slice, written, rejected));
        }
        return results;
    }

    /** Writes the header and the parts into a temporary file, then moves it over the target. */
    static void concatenate(Optional<String> header, List<Path> partFiles, Path target) throws IOException {
        Path temporary = temporaryOf(target);
        try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            if (header.isPresent()) {
                OutputStream stream = Channels.newOutputStream(out);
                stream.write((header.get() + "\n").getBytes(StandardCharsets.UTF_8));
                stream.flush();
            }
            for (Path part : partFiles) {
                if (!Files.exists(part)) {
                    throw new IllegalStateException("Part file " + part + " is missing; restart the job");
                }
                try (FileChannel in = FileChannel.open(part, StandardOpenOption.READ)) {
                    long size = in.size();
                    for (long position = 0; position < size; ) {
                        position += in.transferTo(position, size - position, out);
                    }
                }
            }
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Where a file is assembled before it is moved over the target. */
    static Path temporaryOf(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".assembling");
    }
}
