package io.predictionbatch.app.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.predictionbatch.app.config.PredictionBatchProperties;
import io.predictionbatch.app.input.InputDialect;
import io.predictionbatch.app.input.InputFormat;
import io.predictionbatch.app.job.PredictionJobParameters;
import io.predictionbatch.app.output.OutputFormat;
import io.predictionbatch.app.testmodel.TextStatsModel;
import io.predictionbatch.model.registry.ModelRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobRequestTest {

    private static final ModelRegistry IRIS_ONLY = ModelRegistry.create(List.of(), JobRequestTest.class.getClassLoader());
    private static final ModelRegistry TWO_MODELS = ModelRegistry.create(List.of(TextStatsModel.class.getName()),
            JobRequestTest.class.getClassLoader());
    private static final PredictionBatchProperties DEFAULTS = new PredictionBatchProperties(3, 5000, 0, 500);

    @TempDir
    Path dir;

    private static JobRequest request(String model, Path input, Path output, boolean table) {
        return new JobRequest(model, input, output, table, null, null, null, null, null, null, null, null, false, null,
                null, null);
    }

    @Test
    void takesFormatsFromExtensionsAndPutsTheErrorsBesideTheOutput() {
        PredictionJobParameters parameters = request(null, dir.resolve("in.jsonl"), dir.resolve("out.csv"), false)
                .toParameters(IRIS_ONLY, DEFAULTS);
        assertThat(parameters.model()).isEqualTo("iris_model");
        assertThat(parameters.inputDialect()).isEqualTo(InputDialect.of(InputFormat.JSONL));
        assertThat(parameters.outputFormat()).isEqualTo(OutputFormat.CSV);
        assertThat(parameters.errors()).isEqualTo(dir.resolve("out.errors.csv"));
        assertThat(parameters.partitions()).isEqualTo(3);
        assertThat(parameters.chunkSize()).isEqualTo(5000);
        assertThat(parameters.errorThreshold().maxErrors()).isEqualTo(-1);
    }

    @Test
    void keepsWhatTheRequestSays() {
        PredictionJobParameters parameters = new JobRequest("iris_model", dir.resolve("in.txt"), dir.resolve("out.txt"),
                false, "csv", "jsonl", "id", dir.resolve("bad.jsonl"), 7, 100, 5L, 0.5, false, ";", "ISO-8859-1", 1000)
                .toParameters(TWO_MODELS, DEFAULTS);
        assertThat(parameters.inputDialect()).isEqualTo(
                new InputDialect(InputFormat.CSV, ';', StandardCharsets.ISO_8859_1, 1000));
        assertThat(parameters.outputFormat()).isEqualTo(OutputFormat.JSONL);
        assertThat(parameters.errors()).isEqualTo(dir.resolve("bad.jsonl"));
        assertThat(parameters.keyColumn()).isEqualTo("id");
        assertThat(parameters.partitions()).isEqualTo(7);
        assertThat(parameters.chunkSize()).isEqualTo(100);
        assertThat(parameters.errorThreshold().maxErrors()).isEqualTo(5);
        assertThat(parameters.errorThreshold().maxErrorRate()).isEqualTo(0.5);
    }

    @Test
    void refusesToReplaceAnOutputOrErrorsFileWhenAskedTo() throws Exception {
        Path in = dir.resolve("in.csv");
        Path output = Files.writeString(dir.resolve("out.csv"), "old");
        JobRequest keep = new JobRequest(null, in, output, false, null, null, null, null, null, null, null, null, true,
                null, null, null);
        assertThatThrownBy(() -> keep.toParameters(IRIS_ONLY, DEFAULTS)).hasMessageContaining("--no-overwrite keeps it");
        Files.delete(output);
        Files.writeString(dir.resolve("out.errors.csv"), "old");
        assertThatThrownBy(() -> keep.toParameters(IRIS_ONLY, DEFAULTS)).hasMessageContaining("out.errors.csv' exists");
        Files.delete(dir.resolve("out.errors.csv"));
        assertThat(keep.toParameters(IRIS_ONLY, DEFAULTS).output()).isEqualTo(output);
    }

    @Test
    void saysWhatIsWrongWithARequest() throws Exception {
        Path in = dir.resolve("in.csv");
        assertThatThrownBy(() -> request(null, in, dir.resolve("out.csv"), false).toParameters(TWO_MODELS, DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Name the model with --model")
                .hasMessageContaining("iris_model").hasMessageContaining("text_stats");
        assertThatThrownBy(() -> request(null, in, null, false).toParameters(IRIS_ONLY, DEFAULTS))
                .hasMessageContaining("either an output file or the output table");
        assertThatThrownBy(() -> request(null, in, dir.resolve("out.csv"), true).toParameters(IRIS_ONLY, DEFAULTS))
                .hasMessageContaining("either an output file or the output table");
        assertThatThrownBy(() -> request(null, null, dir.resolve("out.csv"), false).toParameters(IRIS_ONLY, DEFAULTS))
                .hasMessageContaining("Name the input file");
        assertThatThrownBy(() -> request(null, dir.resolve("in.txt"), dir.resolve("out.csv"), false)
                .toParameters(IRIS_ONLY, DEFAULTS)).hasMessageContaining("Cannot tell the format of input");
        assertThatThrownBy(() -> request(null, in, dir.resolve("out.txt"), false).toParameters(IRIS_ONLY, DEFAULTS))
                .hasMessageContaining("Cannot tell the format of output");
        Path folder = Files.createDirectory(dir.resolve("folder.csv"));
        assertThatThrownBy(() -> request(null, folder, dir.resolve("out.csv"), false).toParameters(IRIS_ONLY, DEFAULTS))
                .hasMessageContaining("is a directory");
        assertThatThrownBy(() -> new JobRequest(null, in, null, true, null, "csv", null, null, null, null, null, null, false,
                null, null, null)
                .toParameters(IRIS_ONLY, DEFAULTS)).hasMessageContaining("--output-format are for file output");
    }
}
