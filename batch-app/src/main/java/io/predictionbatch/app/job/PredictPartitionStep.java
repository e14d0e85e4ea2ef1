package io.predictionbatch.app.job;

import io.micrometer.observation.ObservationRegistry;
import io.predictionbatch.app.input.InputRecord;
import io.predictionbatch.app.output.PredictionRow;
import io.predictionbatch.app.output.ResultTables;
import io.predictionbatch.app.partition.PartitionNames;
import io.predictionbatch.app.partition.PartitionRuns;
import io.predictionbatch.model.registry.ModelRegistry;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The step every partition runs: a fault-tolerant chunk-oriented step, built for each partition
 * execution around that partition's own reader, processor and writers.
 *
 * <p>Why build per execution rather than declare one step with step-scoped components: chunk size
 * and error threshold are options of each job, fixed when a chunk step is built; and a step-scoped
 * proxy resolves its target on every call, a cost paid per record. Building a step is a handful of
 * objects per partition. This step is a plain singleton, which a remote worker finds by name.
 */
public final class PredictPartitionStep implements Step {

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final ModelRegistry models;
    private final ResultTables resultTables;
    private final PartitionRuns runs;
    private final ObservationRegistry observations;

    /**
     * @param observations where the partition's step and item observations go (Spring Batch's
     *        {@code spring.batch.step}, {@code spring.batch.item.*} metrics)
     */
    public PredictPartitionStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ModelRegistry models, ResultTables resultTables, PartitionRuns runs, ObservationRegistry observations) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.models = models;
        this.resultTables = resultTables;
        this.runs = runs;
        this.observations = observations;
    }

    @Override
    public String getName() {
        return PartitionNames.WORKER_STEP;
    }

    @Override
    public void execute(StepExecution partition) throws JobInterruptedException {
        PredictionJobParameters parameters = PredictionJobParameters.from(partition.getJobParameters());
        runs.recordHere(partition);
        PartitionComponents components = PartitionComponents.create(partition, models, resultTables);
        CommittedContext committed = new CommittedContext(partition);
        new StepBuilder(PartitionNames.WORKER_STEP, jobRepository)
                .<InputRecord, PredictionRow>chunk(parameters.chunkSize())
                .transactionManager(transactionManager)
                .observationRegistry(observations)
                .reader(components.reader())
                .processor(components.processor())
                .writer(components.writer())
                .faultTolerant()
                .skipPolicy(new RecordSkipPolicy(parameters.errorThreshold()))
                .skipListener(components.rejects())
                .stream(components.rejects())
                .listener(committed)
                .listener(components.processor()) // it predicts a chunk's records together, once read
                .build()
                .execute(partition);
        OutputDiskFull.recordOn(partition, jobRepository);
    }
}
