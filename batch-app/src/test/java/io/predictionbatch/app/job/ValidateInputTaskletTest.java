package io.predictionbatch.app.job;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.predictionbatch.app.input.FilePlans;
import io.predictionbatch.app.input.InputDialect;
import io.predictionbatch.app.input.InputFormat;
import io.predictionbatch.app.input.InvalidInputException;
import io.predictionbatch.app.output.OutputFormat;
import io.predictionbatch.model.registry.ModelRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateInputTaskletTest {

    private static final ModelRegistry MODELS = ModelRegistry.create(List.of(),
            ValidateInputTaskletTest.class.getClassLoader());

    @TempDir
    Path dir;

    private PredictionJobParameters parameters(String outputName) throws Exception {
        Path input = Files.writeString(dir.resolve("in.csv"),
                "sepal_length,sepal_width,petal_length,petal_width\n5.1,3.5,1.4,0.2\n");
        Path output = dir.resolve(outputName + ".csv");
        return new PredictionJobParameters("iris_model", "1.0.0", input, InputDialect.of(InputFormat.CSV), output, OutputFormat.CSV,
                dir.resolve(outputName + ".errors.csv"), 2, 100, null, new ErrorThreshold(-1, 1.0), "r");
    }

    @Test
    void refusesUpFrontAnOutputNameTheJobCouldNotWriteBesideAtTheEnd() throws Exception {
        // Legal itself (244 bytes), but the part folder and the temporary names add to it.
        PredictionJobParameters tooLong = parameters("p".repeat(240));
        assertThatThrownBy(() -> ValidateInputTasklet.validate(MODELS, null, new FilePlans(), tooLong))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("is too long by")
                .hasMessageContaining("at most 255 bytes");
        PredictionJobParameters fits = parameters("p".repeat(200));
        assertThatCode(() -> ValidateInputTasklet.validate(MODELS, null, new FilePlans(), fits)).doesNotThrowAnyException();
    }
}
