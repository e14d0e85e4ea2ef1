package io.predictionbatch.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.TensorInfo;
import io.predictionbatch.model.DeclaredField;
import io.predictionbatch.model.FieldValues;
import io.predictionbatch.model.ModelException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a block of records into the graph's input tensors: either every field into one
 * {@code [N, fields]} tensor (the layout of converted scikit-learn models), or each field into the
 * graph input of its own name, {@code [N]} or {@code [N, 1]}. Worked out once, when the model loads,
 * against the graph's own input types, so a descriptor that does not fit the graph is refused then.
 */
final class GraphInputs {

    /** One graph input and the fields (by position in the record) that fill it, row by row. */
    private record Feed(String tensor, OnnxJavaType type, boolean rowVector, int[] fields) {
    }

    private final List<Feed> feeds;

    private GraphInputs(List<Feed> feeds) {
        this.feeds = feeds;
    }

    static GraphInputs plan(ModelDescriptor descriptor, Map<String, NodeInfo> graphInputs) {
        List<ModelDescriptor.Input> inputs = descriptor.inputs();
        List<Feed> feeds = new ArrayList<>();
        if (descriptor.inputTensor() != null) {
            TensorInfo info = tensor(graphInputs, descriptor.inputTensor());
            int[] all = new int[inputs.size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
                checkFits(inputs.get(i), descriptor.inputTensor(), info.type);
            }
            long[] shape = info.getShape();
            if (shape.length != 2 || (shape[1] > 0 && shape[1] != all.length)) {
                throw new ModelException("the graph input '" + descriptor.inputTensor() + "' has the shape "
                        + Arrays.toString(shape) + ", not [N, " + all.length + "] for the "
                        + all.length + " input fields");
            }
            feeds.add(new Feed(descriptor.inputTensor(), info.type, true, all));
        } else {
            for (int i = 0; i < inputs.size(); i++) {
                ModelDescriptor.Input input = inputs.get(i);
                TensorInfo info = tensor(graphInputs, input.name());
                checkFits(input, input.name(), info.type);
                feeds.add(new Feed(input.name(), info.type, info.getShape().length == 2, new int[] {i}));
            }
        }
        List<String> unfed = graphInputs.keySet().stream()
                .filter(name -> feeds.stream().noneMatch(feed -> feed.tensor().equals(name))).sorted().toList();
        if (!unfed.isEmpty()) {
            throw new ModelException("the graph also takes the inputs " + unfed + ", which no input field feeds");
        }
        return new GraphInputs(List.copyOf(feeds));
    }

    private static TensorInfo tensor(Map<String, NodeInfo> graphInputs, String name) {
        NodeInfo node = graphInputs.get(name);
        if (node == null) {
            throw new ModelException("the graph has no input named '" + name + "'; its inputs are "
                    + graphInputs.keySet());
        }
        if (!(node.getInfo() instanceof TensorInfo info)) {
            throw new ModelException("the graph input '" + name + "' is not a tensor: " + node.getInfo());
        }
        return info;
    }

    private static void checkFits(ModelDescriptor.Input input, String tensor, OnnxJavaType type) {
        boolean fits = switch (type) {
            case FLOAT, DOUBLE -> input.type() == DeclaredField.Type.FLOAT || input.type() == DeclaredField.Type.DOUBLE
                    || input.type() == DeclaredField.Type.INTEGER;
            case INT64 -> input.type() == DeclaredField.Type.INTEGER && !input.nullable().booleanValue();
            case STRING -> input.type() == DeclaredField.Type.STRING && !input.nullable().booleanValue();
            case BOOL -> input.type() == DeclaredField.Type.BOOLEAN && !input.nullable().booleanValue();
            default -> false;
        };
        if (!fits) {
            throw new ModelException("the input field '" + input.name() + "' (" + input.type().name().toLowerCase()
                    + (input.nullable().booleanValue() ? ", nullable" : "") + ") cannot feed the graph input '" + tensor
                    + "' of " + type + ": a float or double tensor takes numbers (absent ones as NaN), int64"
                    + " takes integer, string takes string and bool takes boolean fields, none of them nullable");
        }
    }

    /** The tensors of a block of records; the caller closes them. */
    Map<String, OnnxTensor> tensors(OrtEnvironment environment, List<FieldValues> records) throws OrtException {
        Map<String, OnnxTensor> tensors = new HashMap<>();
        try {
            for (Feed feed : feeds) {
                tensors.put(feed.tensor(), tensor(environment, feed, records));
            }
            return tensors;
        } catch (OrtException | RuntimeException e) {
            tensors.values().forEach(OnnxTensor::close);
            throw e;
        }
    }

    private static OnnxTensor tensor(OrtEnvironment environment, Feed feed, List<FieldValues> records)
            throws OrtException {
        int rows = records.size();
        int width = feed.fields().length;
        long[] shape = feed.rowVector() ? new long[] {rows, width} : new long[] {rows};
        int size = rows * width;
        switch (feed.type()) {
            case FLOAT -> {
                FloatBuffer buffer = ByteBuffer.allocateDirect(size * Float.BYTES).order(ByteOrder.nativeOrder())
                        .asFloatBuffer();
                for (FieldValues record : records) {
                    for (int field : feed.fields()) {
                        buffer.put((float) record.number(field));
                    }
                }
                return OnnxTensor.createTensor(environment, buffer.flip(), shape);
            }
            case DOUBLE -> {
                DoubleBuffer buffer = ByteBuffer.allocateDirect(size * Double.BYTES).order(ByteOrder.nativeOrder())
                        .asDoubleBuffer();
                for (FieldValues record : records) {
                    for (int field : feed.fields()) {
                        buffer.put(record.number(field));
                    }
                }
                return OnnxTensor.createTensor(environment, buffer.flip(), shape);
            }
            case INT64 -> {
                LongBuffer buffer = ByteBuffer.allocateDirect(size * Long.BYTES).order(ByteOrder.nativeOrder())
                        .asLongBuffer();
                for (FieldValues record : records) {
                    buffer.put((Long) record.get(feed.fields()[0]));
                }
                return OnnxTensor.createTensor(environment, buffer.flip(), shape);
            }
            case STRING -> {
                String[] values = new String[rows];
                for (int row = 0; row < rows; row++) {
                    values[row] = (String) records.get(row).get(feed.fields()[0]);
                }
                return OnnxTensor.createTensor(environment, values, shape);
            }
            case BOOL -> {
                ByteBuffer buffer = ByteBuffer.allocateDirect(size);
                for (FieldValues record : records) {
                    buffer.put((byte) ((Boolean) record.get(feed.fields()[0]) ? 1 : 0));
                }
                return OnnxTensor.createTensor(environment, buffer.flip(), shape, OnnxJavaType.BOOL);
            }
            default -> throw new IllegalStateException("checked when the model loaded: " + feed.type());
        }
    }
}
