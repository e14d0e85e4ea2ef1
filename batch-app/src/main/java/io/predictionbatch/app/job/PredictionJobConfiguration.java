package io.predictionbatch.app.job;

import io.micrometer.observation.ObservationRegistry;
import io.predictionbatch.app.durability.CommitDurability;
import io.predictionbatch.app.durability.RedoableTransactionManager;
import io.predictionbatch.app.input.FilePlans;
import io.predictionbatch.app.launch.JobThreads;
import io.predictionbatch.app.output.ResultTables;
import io.predictionbatch.app.partition.ByteRangePartitioner;
import io.predictionbatch.app.partition.PartitionNames;
import io.predictionbatch.app.partition.PartitionPlanStore;
import io.predictionbatch.app.partition.PartitionRuns;
import io.predictionbatch.model.registry.ModelRegistry;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The prediction job, the same in every mode: validate the input, run one partition per slice of
 * the file, assemble the parts. Where partitions run is the {@link PartitionHandler}'s business,
 * which each mode's configuration provides.
 */
@Configuration(proxyBeanMethods = false)
public class PredictionJobConfiguration {

    public static final String JOB_NAME = "predictionJob";

    @Bean
    Job predictionJob(JobRepository jobRepository, JobThreads jobThreads, Step validateInput, Step predict,
            Step assembleOutput) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(jobThreads)
                .listener(new JobOwnerListener(jobRepository))
                // after the next one, which tells whether the job can still be restarted (listeners end in reverse)
                .listener(new StdinSpoolListener())
                .listener(new UnresumableFailureListener())
                .start(validateInput)
                .next(predict)
                .next(assembleOutput)
                .build();
    }

    @Bean
    Step validateInput(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ModelRegistry models, ResultTables resultTables, FilePlans filePlans) {
        return new StepBuilder("validateInput", jobRepository)
                .tasklet(new ValidateInputTasklet(models, resultTables, filePlans), transactionManager)
                .build();
    }

    @Bean
    Step predict(JobRepository jobRepository, ByteRangePartitioner partitioner, PartitionHandler partitionHandler) {
        return new StepBuilder("predict", jobRepository)
                .partitioner(PartitionNames.WORKER_STEP, partitioner)
                .partitionHandler(partitionHandler)
                .build();
    }

    @Bean
    Step assembleOutput(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ModelRegistry models, ResultTables resultTables) {
        return new StepBuilder(AssembleOutputTasklet.STEP_NAME, jobRepository)
                .tasklet(new AssembleOutputTasklet(jobRepository, models, resultTables), transactionManager)
                .build();
    }

    @Bean
    FilePlans filePlans() {
        return new FilePlans();
    }

    @Bean
    PartitionPlanStore partitionPlanStore(JdbcTemplate jdbcTemplate) {
        return new PartitionPlanStore(jdbcTemplate);
    }

    @Bean
    @StepScope
    ByteRangePartitioner partitioner(@Value("#{stepExecution}") StepExecution stepExecution,
            PartitionPlanStore planStore, FilePlans filePlans) {
        PredictionJobParameters parameters = PredictionJobParameters.from(stepExecution.getJobParameters());
        return new ByteRangePartitioner(parameters.input(), parameters.inputDialect(), parameters.partitions(),
                filePlans, planStore, stepExecution.getJobExecution().getJobInstance().getInstanceId());
    }

    /**
     * The worker step, a singleton that remote workers can find by name. A lost chunk commit is
     * made again (the partition resumes from the chunk before it), so its commits need not wait
     * for the disk where the database can say so.
     */
    @Bean
    PredictPartitionStep predictPartition(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            JdbcTemplate jdbcTemplate, CommitDurability durability, ModelRegistry models, ResultTables resultTables,
            PartitionRuns runs, ObjectProvider<ObservationRegistry> observations) {
        return new PredictPartitionStep(jobRepository,
                new RedoableTransactionManager(transactionManager, jdbcTemplate, durability), models, resultTables,
                runs, observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }
}
