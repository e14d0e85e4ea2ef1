package io.predictionbatch.app.config;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the batch engine ({@code prediction.batch.*}); command-line options override the
 * per-job ones.
 *
 * @param partitions default number of partitions a job's input is split into; 0 means one per
 *     worker thread
 * @param chunkSize default number of records per transaction
 * @param workerThreads threads running partitions in this JVM (embedded mode); 0 means one per core
 * @param progressIntervalMillis how often the command line refreshes the progress display
 */
@Validated
@ConfigurationProperties("prediction.batch")
public record PredictionBatchProperties(
        @DefaultValue("0") @Min(0) int partitions,
        @DefaultValue("5000") @Min(1) int chunkSize,
        @DefaultValue("0") @Min(0) int workerThreads,
        @DefaultValue("500") @Min(50) long progressIntervalMillis) {

    public int effectiveWorkerThreads() {
        return workerThreads > 0 ? workerThreads : Runtime.getRuntime().availableProcessors();
    }

    public int effectivePartitions() {
        return partitions > 0 ? partitions : effectiveWorkerThreads();
    }
}
