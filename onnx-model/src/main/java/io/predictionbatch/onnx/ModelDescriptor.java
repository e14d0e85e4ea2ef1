package io.predictionbatch.onnx;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.predictionbatch.model.DeclaredField;
import io.predictionbatch.model.ModelException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * What an ONNX model file does not say and the engine needs: the model's name, version and
 * description, its input fields (names, types, and how they feed the graph's inputs) and its output
 * fields (which graph output each comes from, and the class labels of a classifier). Read from
 * {@code model.yaml} (or {@code model.yml}, {@code model.json}) beside the {@code .onnx} file.
 *
 * @param name the qualified name ({@code iris_onnx})
 * @param displayName a human-readable name; the name when absent
 * @param version the trained model's version
 * @param description what the model predicts
 * @param file the ONNX file, relative to the package; when absent, the package's only {@code .onnx} file
 * @param inputTensor the graph input that takes every input field at once, as a {@code [N, fields]}
 *        tensor in field order; when absent, each field feeds the graph input of its own name
 * @param inputs the input fields, in the order of a CSV header
 * @param outputs the output fields
 */
public record ModelDescriptor(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty("display_name") String displayName,
        @JsonProperty(value = "version", required = true) String version,
        @JsonProperty("description") String description,
        @JsonProperty("file") String file,
        @JsonProperty("input_tensor") String inputTensor,
        @JsonProperty(value = "inputs", required = true) List<Input> inputs,
        @JsonProperty(value = "outputs", required = true) List<Output> outputs) {

    /** The descriptor's file names, in the order they are looked for. */
    static final List<String> FILE_NAMES = List.of("model.yaml", "model.yml", "model.json");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, true)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, true)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** One input field. */
    public record Input(
            @JsonProperty(value = "name", required = true) String name,
            @JsonProperty(value = "type", required = true) DeclaredField.Type type,
            @JsonProperty("description") String description,
            @JsonProperty("nullable") Boolean nullable) {

        public Input {
            nullable = Boolean.TRUE.equals(nullable);
        }

        DeclaredField field() {
            return new DeclaredField(name, type, description, nullable);
        }
    }

    /**
     * One output field.
     *
     * @param tensor the graph output it is read from; the field's name when absent
     * @param labels for a classifier whose output is a class index: the label of each index, the
     *        field's value
     */
    public record Output(
            @JsonProperty(value = "name", required = true) String name,
            @JsonProperty(value = "type", required = true) DeclaredField.Type type,
            @JsonProperty("description") String description,
            @JsonProperty("tensor") String tensor,
            @JsonProperty("labels") List<String> labels) {

        DeclaredField field() {
            return new DeclaredField(name, type, description, false);
        }

        String tensorName() {
            return tensor != null ? tensor : name;
        }
    }

    public ModelDescriptor {
        displayName = displayName != null ? displayName : name;
        description = description != null ? description : "";
        inputs = inputs != null ? List.copyOf(inputs) : List.of();
        outputs = outputs != null ? List.copyOf(outputs) : List.of();
    }

    /** The descriptor file of a package directory, if it has one. */
    static Optional<Path> find(Path directory) {
        return FILE_NAMES.stream().map(directory::resolve).filter(Files::isRegularFile).findFirst();
    }

    /**
     * Reads and checks a descriptor.
     *
     * @throws ModelException saying what is wrong with it, where
     */
    static ModelDescriptor read(Path descriptor) {
        ObjectMapper mapper = descriptor.getFileName().toString().endsWith(".json") ? JSON : YAML;
        ModelDescriptor read;
        try {
            read = mapper.readValue(descriptor.toFile(), ModelDescriptor.class);
        } catch (JacksonException e) {
            throw new ModelException(descriptor + ": " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        }
        if (read == null) {
            throw new ModelException(descriptor + " is empty");
        }
        if (read.inputs.isEmpty() || read.outputs.isEmpty()) {
            throw new ModelException(descriptor + ": list at least one field under 'inputs' and one under 'outputs'");
        }
        for (Output output : read.outputs) {
            if (output.labels() != null && output.type() != DeclaredField.Type.STRING) {
                throw new ModelException(descriptor + ": output '" + output.name()
                        + "' has labels, so its type must be string, not " + output.type().name().toLowerCase());
            }
        }
        return read;
    }

    /**
     * The ONNX file this descriptor names, or the package's only one.
     *
     * @throws ModelException when it is missing or ambiguous
     */
    Path modelFile(Path directory) {
        if (file != null) {
            Path named = directory.resolve(file).normalize();
            if (!named.startsWith(directory.normalize()) || !Files.isRegularFile(named)) {
                throw new ModelException("the descriptor names the model file '" + file
                        + "', which is not a file in " + directory);
            }
            return named;
        }
        List<Path> found;
        try (Stream<Path> files = Files.list(directory)) {
            found = files.filter(f -> f.getFileName().toString().endsWith(".onnx")).sorted().toList();
        } catch (IOException e) {
            throw new ModelException("cannot list " + directory + ": " + e.getMessage(), e);
        }
        if (found.size() != 1) {
            throw new ModelException(found.isEmpty()
                    ? "no .onnx file in " + directory
                    : "several .onnx files in " + directory + ": name one with 'file' in the descriptor");
        }
        return found.get(0);
    }
}
