package io.predictionbatch.app.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.predictionbatch.app.config.ProcessName;
import io.predictionbatch.app.input.ByteRange;
import io.predictionbatch.app.input.InputDialect;
import io.predictionbatch.app.input.InputFormat;
import io.predictionbatch.app.input.Slice;
import io.predictionbatch.app.output.OutputFormat;
import io.predictionbatch.model.registry.ModelRegistry;
import io.predictionbatch.model.registry.UnknownModelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.step.StepExecution;

class PartitionComponentsTest {

    private static final ModelRegistry MODELS = ModelRegistry.create(List.of(),
            PartitionComponentsTest.class.getClassLoader());

    @TempDir
    Path dir;

    @Test
    void aWorkerWithoutTheJobsModelVersionSaysWhichModelAndWhichWorker() throws Exception {
        Path input = Files.writeString(dir.resolve("in.csv"),
                "sepal_length,sepal_width,petal_length,petal_width\n5.1,3.5,1.4,0.2\n");
        PredictionJobParameters parameters = new PredictionJobParameters("iris_model", "2.0.0", input,
                InputDialect.of(InputFormat.CSV), dir.resolve("out.csv"), OutputFormat.CSV, dir.resolve("err.csv"), 1,
                100, null, new ErrorThreshold(-1, 1.0), "r");
        StepExecution partition = new StepExecution(3L, "predictPartition:p0000",
                new JobExecution(2L, new JobInstance(1L, "predictionJob"), parameters.toJobParameters()));
        new Slice(0, new ByteRange(0, Files.size(input), 2, 1), Files.size(input), 0).writeTo(
                partition.getExecutionContext());

        assertThatThrownBy(() -> PartitionComponents.create(partition, MODELS, null))
                .isInstanceOf(UnknownModelException.class)
                .hasMessageStartingWith("Model 'iris_model@2.0.0' is not hosted on worker " + ProcessName.current()
                        + ": give every worker the same models directory.")
                .hasMessageContaining("Model 'iris_model' has no version '2.0.0'. Hosted versions: 1.0.0");
        assertThat(parameters.modelReference()).isEqualTo("iris_model@2.0.0");
    }
}
