package io.predictionbatch.app.job;

import io.predictionbatch.app.input.CsvRangeReader;
import io.predictionbatch.app.input.InputFormat;
import io.predictionbatch.app.input.InputInspector;
import io.predictionbatch.app.input.InputRecord;
import io.predictionbatch.app.input.JsonLinesRangeReader;
import io.predictionbatch.app.input.Slice;
import io.predictionbatch.app.output.OutputColumns;
import io.predictionbatch.app.output.PartFiles;
import io.predictionbatch.app.output.PartWriters;
import io.predictionbatch.app.output.PredictionRow;
import io.predictionbatch.app.output.RejectedRecord;
import io.predictionbatch.app.partition.ByteRangePartitioner;
import io.predictionbatch.app.partition.PartitionNames;
import io.predictionbatch.app.partition.PartitionPlanStore;
import io.predictionbatch.model.registry.HostedModel;
import io.predictionbatch.model.registry.ModelRegistry;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.file.FlatFileItemWriter;
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
    public static final String PREDICTIONS_WRITER = "predictions";
    public static final String REJECTS_WRITER = "rejects";

    @Bean
    Job predictionJob(JobRepository jobRepository, Step validateInput, Step predict, Step assembleOutput) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(new JobOwnerListener(jobRepository))
                .start(validateInput)
                .next(predict)
                .next(assembleOutput)
                .build();
    }

    @Bean
    Step validateInput(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ModelRegistry models) {
        return new StepBuilder("validateInput", jobRepository)
                .tasklet(new ValidateInputTasklet(models), transactionManager)
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
            ModelRegistry models) {
        return new StepBuilder(AssembleOutputTasklet.STEP_NAME, jobRepository)
                .tasklet(new AssembleOutputTasklet(jobRepository, models), transactionManager)
                .build();
    }

    @Bean
    PartitionPlanStore partitionPlanStore(JdbcTemplate jdbcTemplate) {
        return new PartitionPlanStore(jdbcTemplate);
    }

    @Bean
    @StepScope
    ByteRangePartitioner partitioner(@Value("#{stepExecution}") StepExecution stepExecution,
            PartitionPlanStore planStore) {
        PredictionJobParameters parameters = PredictionJobParameters.from(stepExecution.getJobParameters());
        return new ByteRangePartitioner(parameters.input(), parameters.inputFormat(), parameters.partitions(),
                planStore, stepExecution.getJobExecution().getJobInstance().getInstanceId());
    }

    /** The worker step, a singleton that remote workers can find by name. */
    @Bean
    PredictPartitionStep predictPartition(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ItemStreamReader<InputRecord> partitionReader, PredictionProcessor<?, ?> partitionProcessor,
            FlatFileItemWriter<PredictionRow> partitionWriter, RejectedRecordWriter partitionRejects) {
        return new PredictPartitionStep(settings -> new StepBuilder(PartitionNames.WORKER_STEP, jobRepository)
                .<InputRecord, PredictionRow>chunk(settings.chunkSize())
                .transactionManager(transactionManager)
                .reader(partitionReader)
                .processor(partitionProcessor)
                .writer(partitionWriter)
                .faultTolerant()
                .skipPolicy(new RecordSkipPolicy(settings.threshold()))
                .skipListener(partitionRejects)
                .stream(partitionRejects)
                .build());
    }

    @Bean
    @StepScope
    ItemStreamReader<InputRecord> partitionReader(@Value("#{stepExecution}") StepExecution stepExecution) {
        PredictionJobParameters parameters = PredictionJobParameters.from(stepExecution.getJobParameters());
        Slice slice = Slice.readFrom(stepExecution.getExecutionContext());
        return parameters.inputFormat() == InputFormat.CSV
                ? new CsvRangeReader("reader", parameters.input(), slice)
                : new JsonLinesRangeReader("reader", parameters.input(), slice);
    }

    @Bean
    @StepScope
    PredictionProcessor<?, ?> partitionProcessor(@Value("#{stepExecution}") StepExecution stepExecution,
            ModelRegistry models) {
        PredictionJobParameters parameters = PredictionJobParameters.from(stepExecution.getJobParameters());
        HostedModel<?, ?> model = models.get(parameters.model());
        var input = InputInspector.inspect(parameters.input(), parameters.inputFormat(), model.binder().fieldNames(),
                parameters.keyColumn());
        return new PredictionProcessor<>(model, input.columns(), parameters.keyColumn());
    }

    @Bean
    @StepScope
    FlatFileItemWriter<PredictionRow> partitionWriter(@Value("#{stepExecution}") StepExecution stepExecution,
            ModelRegistry models) {
        PredictionJobParameters parameters = PredictionJobParameters.from(stepExecution.getJobParameters());
        var columns = OutputColumns.of(parameters.keyColumn(),
                models.get(parameters.model()).outputFields().fieldNames());
        boolean withKey = parameters.hasKey();
        return PartWriters.create(PREDICTIONS_WRITER, partFiles(stepExecution, parameters)
                .predictions(Slice.readFrom(stepExecution.getExecutionContext()).index()),
                parameters.outputFormat().rows(columns), (PredictionRow row) -> row.values(withKey));
    }

    @Bean
    @StepScope
    RejectedRecordWriter partitionRejects(@Value("#{stepExecution}") StepExecution stepExecution) {
        PredictionJobParameters parameters = PredictionJobParameters.from(stepExecution.getJobParameters());
        return new RejectedRecordWriter(PartWriters.create(REJECTS_WRITER, partFiles(stepExecution, parameters)
                .rejects(Slice.readFrom(stepExecution.getExecutionContext()).index()),
                parameters.outputFormat().rows(RejectedRecord.COLUMNS), RejectedRecord::values));
    }

    private static PartFiles partFiles(StepExecution stepExecution, PredictionJobParameters parameters) {
        return PartFiles.of(parameters.output(), stepExecution.getJobExecution().getJobInstance().getInstanceId());
    }
}
