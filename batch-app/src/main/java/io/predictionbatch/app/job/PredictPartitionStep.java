package io.predictionbatch.app.job;

import java.util.List;

import io.micrometer.observation.ObservationRegistry;
import io.predictionbatch.app.input.InputRecord;
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
 * The step every partition runs: a chunk-oriented step whose item is a block of records (see
 * {@link RecordBlockReader}), one block per chunk and transaction, built for each partition
 * execution around that partition's own reader, processor and writer. Rejected records are set
 * aside by the writer with the block's rows, not skipped by the step: nothing but a failure of
 * the machinery (I/O, database, the error threshold) makes the step roll a block back.
 *
 * <p>Why build per execution rather than declare one step with step-scoped components: chunk size
 * and error threshold are options of each job, and a step-scoped proxy resolves its target on
 * every call. Building a step is a handful of objects per partition. This step is a plain
 * singleton, which a remote worker finds by name.
 */
public final class PredictPartitionStep implements Step {

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final ModelRegistry models;
    private final ResultTables resultTables;
    private final PartitionRuns runs;
    private final ObservationRegistry observations;

    /**
     * @param observations where the partition's step, chunk and item observations go (Spring
     *        Batch's {@code spring.batch.step}, {@code spring.batch.chunk.*} and {@code
     *        spring.batch.item.*} metrics; an item is a block of records)
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
        if (!runs.claim(partition)) {
            // A remote worker claims a partition before it runs it, and gives it up if another did.
            throw new IllegalStateException("Step execution " + partition.getId() + " is run by "
                    + runs.runner(partition.getId()).orElse("another runner"));
        }
        PartitionComponents components = PartitionComponents.create(partition, models, resultTables);
        CommittedContext committed = new CommittedContext(partition);
        new StepBuilder(PartitionNames.WORKER_STEP, jobRepository)
                .<List<InputRecord>, PredictedBlock>chunk(1)
                .transactionManager(transactionManager)
                .observationRegistry(observations)
                .reader(components.reader())
                .processor(components.processor())
                .writer(components.writer())
                .listener(committed)
                .build()
                .execute(partition);
        OutputDiskFull.recordOn(partition, jobRepository);
    }
}
