package io.predictionbatch.app.job;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.predictionbatch.app.partition.PartitionNames;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;

/**
 * The step every partition runs. Chunk size and error threshold are options of each job, but a
 * chunk-oriented step fixes them when built; so this step builds one chunk-oriented step per
 * distinct setting, once, and hands each partition to the one its job asks for. It is a plain
 * singleton, which a remote worker can look up by name outside any job scope.
 */
public final class PredictPartitionStep implements Step {

    /** The settings a partition step is built with. */
    public record Settings(int chunkSize, ErrorThreshold threshold) {
    }

    private final Function<Settings, Step> stepFactory;
    private final Map<Settings, Step> steps = new ConcurrentHashMap<>();

    public PredictPartitionStep(Function<Settings, Step> stepFactory) {
        this.stepFactory = stepFactory;
    }

    @Override
    public String getName() {
        return PartitionNames.WORKER_STEP;
    }

    @Override
    public void execute(StepExecution stepExecution) throws JobInterruptedException {
        PredictionJobParameters parameters = PredictionJobParameters.from(stepExecution.getJobParameters());
        Settings settings = new Settings(parameters.chunkSize(), parameters.errorThreshold());
        steps.computeIfAbsent(settings, stepFactory).execute(stepExecution);
    }
}
