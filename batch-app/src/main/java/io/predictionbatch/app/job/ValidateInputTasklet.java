package io.predictionbatch.app.job;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.predictionbatch.app.input.FilePlans;
import io.predictionbatch.app.input.InputInspector;
import io.predictionbatch.app.input.InvalidInputException;
import io.predictionbatch.app.output.PartFiles;
import io.predictionbatch.app.output.ResultTables;
import io.predictionbatch.model.registry.HostedModel;
import io.predictionbatch.model.registry.ModelRegistry;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** The job's first step: the model exists, the input is a readable file of the right shape. */
public final class ValidateInputTasklet implements Tasklet {

    private static final int MAX_NAME_BYTES = 255;

    private final ModelRegistry models;
    private final ResultTables resultTables;
    private final FilePlans filePlans;

    public ValidateInputTasklet(ModelRegistry models, ResultTables resultTables, FilePlans filePlans) {
        this.models = models;
        this.resultTables = resultTables;
        this.filePlans = filePlans;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        PredictionJobParameters parameters = PredictionJobParameters.from(
                contribution.getStepExecution().getJobParameters());
        validate(models, resultTables, filePlans, parameters);
        return RepeatStatus.FINISHED;
    }

    /**
     * The checks, shared with the command line and the REST API, which run them before they start a
     * job. The input is planned here too: a quote that never closes leaves no record end to cut
     * at, and refuses the file before any job exists.
     */
    public static void validate(ModelRegistry models, ResultTables resultTables, FilePlans filePlans,
            PredictionJobParameters parameters) {
        HostedModel<?, ?> model = models.get(parameters.modelReference());
        InputInspector.inspect(parameters.input(), parameters.inputDialect(), model.binder().fieldNames(),
                parameters.keyColumn());
        filePlans.plan(parameters.input(), parameters.inputDialect(), parameters.partitions());
        if (parameters.toTable()) {
            resultTables.requirePostgresql();
        } else {
            checkWritableFolder(parameters.output());
            checkWritableFolder(parameters.errors());
            checkNameLengths(parameters.output(), parameters.errors());
        }
    }

    /**
     * Every name the job will write beside the output fits the file system's limit (255 bytes on
     * Linux, macOS and Windows file systems alike): the part files' folder, and the temporary names
     * the output and errors files are assembled under. Checked here, before any record is read,
     * since the last of them is only written once every prediction is made.
     */
    private static void checkNameLengths(Path output, Path errors) {
        List<Path> written = List.of(PartFiles.of(output, Long.MAX_VALUE).folder(),
                AssembleOutputTasklet.temporaryOf(output), AssembleOutputTasklet.temporaryOf(errors));
        for (Path file : written) {
            int bytes = file.getFileName().toString().getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_NAME_BYTES) {
                throw new InvalidInputException("The output name '" + output.getFileName() + "' is too long by "
                        + (bytes - MAX_NAME_BYTES) + " bytes: the job writes '" + file.getFileName() + "' beside it,"
                        + " and a file name holds at most " + MAX_NAME_BYTES + " bytes; shorten it");
            }
        }
    }

    private static void checkWritableFolder(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException("Output folder '" + folder + "' does not exist");
        }
        if (!Files.isWritable(folder)) {
            throw new InvalidInputException("Output folder '" + folder + "' is not writable");
        }
        if (Files.isDirectory(file)) {
            throw new InvalidInputException("Output '" + file + "' is a folder; name a file");
        }
    }
}
