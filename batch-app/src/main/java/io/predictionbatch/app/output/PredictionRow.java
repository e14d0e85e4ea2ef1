package io.predictionbatch.app.output;

/**
 * One prediction as written: the input record's line number, its key (or {@code null} when the
 * job names no key column) and the model's output values; files add the model's version.
 */
public record PredictionRow(long line, Object key, Object[] outputs) {

    /** The row's values in the order of {@link OutputColumns}, with the version of the model that made it. */
    public Object[] values(boolean withKey, String modelVersion) {
        int offset = withKey ? 2 : 1;
        Object[] values = new Object[outputs.length + offset + 1];
        values[0] = line;
        if (withKey) {
            values[1] = key;
        }
        System.arraycopy(outputs, 0, values, offset, outputs.length);
        values[values.length - 1] = modelVersion;
        return values;
    }
}
