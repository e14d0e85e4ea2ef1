package io.predictionbatch.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.TensorInfo;
import io.predictionbatch.model.DeclaredField;
import io.predictionbatch.model.ModelException;
import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.List;
import java.util.Map;

/**
 * One output field, read from a graph output holding one value per record ({@code [N]} or
 * {@code [N, 1]}) and converted to the field's type; a class index becomes its label when the
 * descriptor lists labels. Checked against the graph when the model loads.
 */
final class GraphOutput {

    private final ModelDescriptor.Output field;
    private final String tensor;
    private final OnnxJavaType type;

    private GraphOutput(ModelDescriptor.Output field, OnnxJavaType type) {
        this.field = field;
        this.tensor = field.tensorName();
        this.type = type;
    }

    static GraphOutput plan(ModelDescriptor.Output field, Map<String, NodeInfo> graphOutputs) {
        NodeInfo node = graphOutputs.get(field.tensorName());
        if (node == null) {
            throw new ModelException("the output field '" + field.name() + "' reads the graph output '"
                    + field.tensorName() + "', which the graph does not have; its outputs are " + graphOutputs.keySet());
        }
        if (!(node.getInfo() instanceof TensorInfo info) || info.getShape().length > 2
                || (info.getShape().length == 2 && info.getShape()[1] != 1)) {
            throw new ModelException("the graph output '" + field.tensorName() + "' is " + node.getInfo()
                    + ", not a tensor of one value per record ([N] or [N, 1]) that the field '" + field.name()
                    + "' can take");
        }
        DeclaredField.Type wanted = field.type();
        boolean fits = field.labels() != null
                ? info.type == OnnxJavaType.INT64 || info.type == OnnxJavaType.INT32
                : switch (info.type) {
                    case FLOAT -> wanted == DeclaredField.Type.FLOAT || wanted == DeclaredField.Type.DOUBLE;
                    case DOUBLE -> wanted == DeclaredField.Type.DOUBLE;
                    case INT64, INT32 -> wanted == DeclaredField.Type.INTEGER;
                    case STRING -> wanted == DeclaredField.Type.STRING;
                    case BOOL -> wanted == DeclaredField.Type.BOOLEAN;
                    default -> false;
                };
        if (!fits) {
            throw new ModelException("the output field '" + field.name() + "' ("
                    + (field.labels() != null ? "labels" : wanted.name().toLowerCase()) + ") cannot be read from the"
                    + " graph output '" + field.tensorName() + "' of " + info.type);
        }
        return new GraphOutput(field, info.type);
    }

    String tensor() {
        return tensor;
    }

    /** The field's value for each of {@code rows} records. */
    Object[] values(OnnxValue value, int rows) throws OrtException {
        OnnxTensor output = (OnnxTensor) value;
        if (output.getInfo().getNumElements() != rows) {
            throw new ModelException("the graph output '" + tensor + "' holds " + output.getInfo().getNumElements()
                    + " values for " + rows + " records");
        }
        Object[] values = new Object[rows];
        switch (type) {
            case FLOAT -> {
                FloatBuffer buffer = output.getFloatBuffer();
                for (int row = 0; row < rows; row++) {
                    float number = buffer.get(row);
                    values[row] = field.type() == DeclaredField.Type.FLOAT ? (Object) number : (Object) (double) number;
                }
            }
            case DOUBLE -> {
                DoubleBuffer buffer = output.getDoubleBuffer();
                for (int row = 0; row < rows; row++) {
                    values[row] = buffer.get(row);
                }
            }
            case INT64, INT32 -> {
                LongBuffer longs = type == OnnxJavaType.INT64 ? output.getLongBuffer() : null;
                IntBuffer ints = type == OnnxJavaType.INT32 ? output.getIntBuffer() : null;
                for (int row = 0; row < rows; row++) {
                    long number = longs != null ? longs.get(row) : ints.get(row);
                    values[row] = field.labels() != null ? label(number) : (Object) number;
                }
            }
            case STRING -> {
                Object strings = output.getValue();
                for (int row = 0; row < rows; row++) {
                    values[row] = strings instanceof String[][] matrix ? matrix[row][0] : ((String[]) strings)[row];
                }
            }
            case BOOL -> {
                ByteBuffer buffer = output.getByteBuffer();
                for (int row = 0; row < rows; row++) {
                    values[row] = buffer.get(row) != 0;
                }
            }
            default -> throw new IllegalStateException("checked when the model loaded: " + type);
        }
        return values;
    }

    private String label(long index) {
        List<String> labels = field.labels();
        if (index < 0 || index >= labels.size()) {
            throw new ModelException("the graph output '" + tensor + "' gave the class " + index + ", which has no"
                    + " label: the descriptor lists " + labels.size() + " labels for '" + field.name() + "'");
        }
        return labels.get((int) index);
    }
}
