package io.predictionbatch.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.predictionbatch.model.DeclaredField;
import io.predictionbatch.model.DeclaredModel;
import io.predictionbatch.model.FieldValues;
import io.predictionbatch.model.ModelException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hosts an ONNX model with no Java code of its own: its fields come from its
 * {@linkplain ModelDescriptor descriptor}, its predictions from ONNX Runtime. One session is
 * created when the model loads and shared by every thread ({@code OrtSession.run} is thread-safe).
 * The session runs each call on the calling thread alone: the engine already runs one partition per
 * core, and a pool of ONNX Runtime's own on top would make them fight for the cores.
 *
 * <p>The list {@link #predict(List)} runs the graph once for the whole block, which is where ONNX
 * Runtime is fast; a single record pays the cost of one graph run.
 */
public final class OnnxModel implements DeclaredModel {

    private final ModelDescriptor descriptor;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final GraphInputs inputs;
    private final List<GraphOutput> outputs;
    private final Set<String> requested;
    private final List<DeclaredField> inputFields;
    private final List<DeclaredField> outputFields;
    private final List<String> outputNames;

    private OnnxModel(ModelDescriptor descriptor, OrtEnvironment environment, OrtSession session) throws OrtException {
        this.descriptor = descriptor;
        this.environment = environment;
        this.session = session;
        this.inputs = GraphInputs.plan(descriptor, session.getInputInfo());
        List<GraphOutput> planned = new ArrayList<>();
        for (ModelDescriptor.Output output : descriptor.outputs()) {
            planned.add(GraphOutput.plan(output, session.getOutputInfo()));
        }
        this.outputs = List.copyOf(planned);
        this.requested = new LinkedHashSet<>(planned.stream().map(GraphOutput::tensor).toList());
        this.inputFields = descriptor.inputs().stream().map(ModelDescriptor.Input::field).toList();
        this.outputFields = descriptor.outputs().stream().map(ModelDescriptor.Output::field).toList();
        this.outputNames = outputFields.stream().map(DeclaredField::name).toList();
    }

    /**
     * Loads the ONNX model of a package directory.
     *
     * @throws ModelException saying what is wrong: the descriptor, the ONNX file, or how they fit
     */
    public static OnnxModel load(Path directory) {
        Path descriptorFile = ModelDescriptor.find(directory)
                .orElseThrow(() -> new ModelException("no descriptor (" + String.join(", ", ModelDescriptor.FILE_NAMES)
                        + ") in " + directory));
        ModelDescriptor descriptor = ModelDescriptor.read(descriptorFile);
        Path modelFile = descriptor.modelFile(directory);
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        OrtSession session = null;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            session = environment.createSession(modelFile.toString(), options);
            return new OnnxModel(descriptor, environment, session);
        } catch (OrtException e) {
            close(session);
            throw new ModelException("ONNX Runtime cannot load " + modelFile + ": " + e.getMessage(), e);
        } catch (ModelException e) {
            close(session);
            throw new ModelException(modelFile.getFileName() + " does not fit " + descriptorFile.getFileName() + ": "
                    + e.getMessage(), e);
        }
    }

    private static void close(OrtSession session) {
        if (session != null) {
            try {
                session.close();
            } catch (OrtException ignored) {
                // the load's own failure is the one worth reporting
            }
        }
    }

    @Override
    public String qualifiedName() {
        return descriptor.name();
    }

    @Override
    public String displayName() {
        return descriptor.displayName();
    }

    @Override
    public String description() {
        return descriptor.description();
    }

    @Override
    public String version() {
        return descriptor.version();
    }

    @Override
    public List<DeclaredField> inputFields() {
        return inputFields;
    }

    @Override
    public List<DeclaredField> outputFields() {
        return outputFields;
    }

    @Override
    public FieldValues predict(FieldValues input) {
        return predict(List.of(input)).get(0);
    }

    @Override
    public List<FieldValues> predict(List<FieldValues> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        Map<String, OnnxTensor> tensors = null;
        try {
            tensors = inputs.tensors(environment, records);
            try (OrtSession.Result result = session.run(tensors, requested)) {
                Object[][] columns = new Object[outputs.size()][];
                for (int i = 0; i < columns.length; i++) {
                    GraphOutput output = outputs.get(i);
                    columns[i] = output.values(result.get(output.tensor()).orElseThrow(), records.size());
                }
                List<FieldValues> predictions = new ArrayList<>(records.size());
                Object[] row = new Object[columns.length];
                for (int r = 0; r < records.size(); r++) {
                    for (int c = 0; c < columns.length; c++) {
                        row[c] = columns[c][r];
                    }
                    predictions.add(new FieldValues(outputNames, row));
                }
                return predictions;
            }
        } catch (OrtException e) {
            throw new ModelException("ONNX Runtime failed on model " + descriptor.name() + ": " + e.getMessage(), e);
        } finally {
            if (tensors != null) {
                tensors.values().forEach(OnnxTensor::close);
            }
        }
    }

    @Override
    public String toString() {
        return "OnnxModel[" + descriptor.name() + " " + descriptor.version() + "]";
    }
}
