package io.predictionbatch.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.predictionbatch.model.FieldValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped {@code iris-svc.onnx} is what {@code iris-model/onnx/libsvm_to_onnx.py} makes of the
 * trained LIBSVM model today: the script is run again and its model must predict what the shipped
 * one does. Needs Debian's python3-onnx; CI installs it ({@code .ci/run}), and under {@code CI=true}
 * its absence fails the test rather than skipping it.
 */
class LibsvmToOnnxScriptTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path SCRIPT = Path.of("..", "iris-model", "onnx", "libsvm_to_onnx.py");
    private static final Path LIBSVM_MODEL =
            Path.of("..", "iris-model", "src", "main", "resources", "io", "predictionbatch", "iris", "iris-svc.model");

    @TempDir
    Path work;

    @Test
    void remakesTheShippedOnnxModelFromTheLibsvmModel() throws Exception {
        requirePythonOnnx();
        Path remade = Files.createDirectories(work.resolve("iris-onnx"));
        Files.copy(IrisOnnxPackageTest.PACKAGE.resolve("model.yaml"), remade.resolve("model.yaml"));

        Process script = new ProcessBuilder(PYTHON.toString(), SCRIPT.toString(), LIBSVM_MODEL.toString(),
                remade.resolve("iris-svc.onnx").toString(), "--features", "4").redirectErrorStream(true).start();
        String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(script.waitFor()).as(output).isZero();
        OnnxModel shipped = OnnxModel.load(IrisOnnxPackageTest.PACKAGE);
        OnnxModel fresh = OnnxModel.load(remade);
        List<FieldValues> records = randomRecords(shipped, 10_000);
        assertThat(fresh.predict(records)).isEqualTo(shipped.predict(records));
    }

    private static List<FieldValues> randomRecords(OnnxModel model, int count) {
        List<String> names = model.inputFields().stream().map(field -> field.name()).toList();
        Random random = new Random(7);
        List<FieldValues> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            records.add(new FieldValues(names, 4 + 4 * random.nextFloat(), 2 + 2.5f * random.nextFloat(),
                    1 + 6 * random.nextFloat(), 0.1f + 2.5f * random.nextFloat()));
        }
        return records;
    }

    private static void requirePythonOnnx() throws IOException, InterruptedException {
        boolean available = Files.isExecutable(PYTHON)
                && new ProcessBuilder(PYTHON.toString(), "-c", "import onnx").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        if (!available && "true".equals(System.getenv("CI"))) {
            fail("/usr/bin/python3 cannot import onnx, which libsvm_to_onnx.py needs: apt-get install python3-onnx");
        }
        assumeTrue(available, "/usr/bin/python3 cannot import onnx (apt-get install python3-onnx)");
    }
}
