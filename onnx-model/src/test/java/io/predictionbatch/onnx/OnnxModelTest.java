package io.predictionbatch.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.predictionbatch.model.FieldValues;
import io.predictionbatch.model.ModelException;
import io.predictionbatch.model.MLModel;
import io.predictionbatch.model.registry.HostedModel;
import io.predictionbatch.model.registry.ModelPackage;
import io.predictionbatch.model.registry.ModelRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Descriptors that do not fit their model are refused with what is wrong, where. */
class OnnxModelTest {

    private static final String FIELDS = """
            inputs:
              - {name: a, type: float}
              - {name: b, type: float}
              - {name: c, type: float}
              - {name: d, type: float}
            """;
    private static final String SPECIES = """
            outputs:
              - {name: species, type: string, tensor: label, labels: [setosa, versicolor, virginica]}
            """;

    @TempDir
    Path models;

    @Test
    void hostsAPackageWithATensorPerFieldLayoutRefusedByName() throws IOException {
        Path dir = onnxPackage("per-field", "name: t\nversion: '2'\n" + FIELDS + SPECIES);

        assertThatThrownBy(() -> OnnxModel.load(dir))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("the graph has no input named 'a'; its inputs are [features]");
    }

    @Test
    void refusesADescriptorWithoutItsRequiredParts() throws IOException {
        Path dir = onnxPackage("no-version", "name: t\ninput_tensor: features\n" + FIELDS + SPECIES);

        assertThatThrownBy(() -> OnnxModel.load(dir))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("model.yaml")
                .hasMessageContaining("'version'");
    }

    @Test
    void refusesUnknownKeysAndTypes() throws IOException {
        Path typo = onnxPackage("typo", "name: t\nversion: '1'\ninput_tensr: features\n" + FIELDS + SPECIES);
        Path badType = onnxPackage("bad-type", "name: t\nversion: '1'\ninput_tensor: features\n"
                + FIELDS.replace("{name: d, type: float}", "{name: d, type: decimal}") + SPECIES);

        assertThatThrownBy(() -> OnnxModel.load(typo)).hasMessageContaining("input_tensr");
        assertThatThrownBy(() -> OnnxModel.load(badType)).hasMessageContaining("decimal");
    }

    @Test
    void refusesFieldsThatDoNotFitTheGraph() throws IOException {
        Path tooFew = onnxPackage("few", "name: t\nversion: '1'\ninput_tensor: features\n"
                + FIELDS.replace("  - {name: d, type: float}\n", "") + SPECIES);
        Path text = onnxPackage("text", "name: t\nversion: '1'\ninput_tensor: features\n"
                + FIELDS.replace("{name: d, type: float}", "{name: d, type: string}") + SPECIES);
        Path noTensor = onnxPackage("no-tensor", "name: t\nversion: '1'\ninput_tensor: features\n" + FIELDS
                + "outputs:\n  - {name: p, type: float, tensor: probability}\n");
        Path matrix = onnxPackage("matrix", "name: t\nversion: '1'\ninput_tensor: features\n" + FIELDS
                + "outputs:\n  - {name: scores, type: float}\n");

        assertThatThrownBy(() -> OnnxModel.load(tooFew)).hasMessageContaining("not [N, 3] for the 3 input fields");
        assertThatThrownBy(() -> OnnxModel.load(text)).hasMessageContaining("'d' (string) cannot feed");
        assertThatThrownBy(() -> OnnxModel.load(noTensor)).hasMessageContaining("does not have; its outputs are");
        assertThatThrownBy(() -> OnnxModel.load(matrix)).hasMessageContaining("not a tensor of one value per record");
    }

    @Test
    void saysWhenTheOnnxFileIsMissingOrNotOnnx() throws IOException {
        Path missing = models.resolve("missing");
        Files.createDirectories(missing);
        Files.writeString(missing.resolve("model.yaml"), "name: t\nversion: '1'\n" + FIELDS + SPECIES);
        Path garbage = onnxPackage("garbage", "name: t\nversion: '1'\ninput_tensor: features\n" + FIELDS + SPECIES);
        Files.writeString(garbage.resolve("iris-svc.onnx"), "not a model");

        assertThatThrownBy(() -> OnnxModel.load(missing)).hasMessageContaining("no .onnx file in");
        assertThatThrownBy(() -> OnnxModel.load(garbage)).hasMessageContaining("ONNX Runtime cannot load");
    }

    @Test
    void mapsAClassIndexWithoutALabelToAModelError() throws IOException {
        Path dir = onnxPackage("two-labels", "name: t\nversion: '1'\ninput_tensor: features\n" + FIELDS
                + "outputs:\n  - {name: species, type: string, tensor: label, labels: [setosa, versicolor]}\n");
        MLModel<FieldValues, FieldValues> model = OnnxModel.load(dir);

        assertThatThrownBy(() -> model.predict(new FieldValues(List.of("a", "b", "c", "d"), 7.7f, 2.6f, 6.9f, 2.3f)))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("gave the class 2, which has no label");
    }

    @Test
    void isFoundInTheModelsDirectoryBesideBrokenPackages() throws IOException {
        onnxPackage("good", "name: good_onnx\nversion: '3'\ninput_tensor: features\n" + FIELDS + SPECIES);
        onnxPackage("broken", "name: broken_onnx\n");
        ClassLoader application = getClass().getClassLoader();

        ModelRegistry registry = ModelRegistry.create(List.of(), application, ModelPackage.scan(models, application));

        HostedModel<?, ?> good = registry.get("good_onnx");
        assertThat(good.source()).contains("package good").contains("onnx model");
        assertThat(registry.failures()).singleElement().asString()
                .startsWith("Model package 'broken' failed to load: ").contains("model.yaml");
    }

    @Test
    void readsAJsonDescriptorToo() throws IOException {
        Path dir = Files.createDirectories(models.resolve("json"));
        Files.copy(IrisOnnxPackageTest.PACKAGE.resolve("iris-svc.onnx"), dir.resolve("iris-svc.onnx"));
        Files.writeString(dir.resolve("model.json"), """
                {"name": "json_iris", "version": "2", "input_tensor": "features",
                 "inputs": [{"name": "a", "type": "FLOAT"}, {"name": "b", "type": "float"},
                            {"name": "c", "type": "double"}, {"name": "d", "type": "integer"}],
                 "outputs": [{"name": "class", "type": "integer", "tensor": "label"}]}
                """);

        OnnxModel model = OnnxModel.load(dir);

        assertThat(model.qualifiedName()).isEqualTo("json_iris");
        assertThat(new OnnxModelFormat().qualifiedName(dir)).contains("json_iris");
        assertThat(model.predict(new FieldValues(List.of("a", "b", "c", "d"), 5.1f, 3.5f, 1.4, 0L)).get(0))
                .isEqualTo(0L);
    }

    private Path onnxPackage(String name, String descriptor) throws IOException {
        Path dir = Files.createDirectories(models.resolve(name));
        Files.copy(IrisOnnxPackageTest.PACKAGE.resolve("iris-svc.onnx"), dir.resolve("iris-svc.onnx"));
        Files.writeString(dir.resolve("model.yaml"), descriptor);
        return dir;
    }
}
