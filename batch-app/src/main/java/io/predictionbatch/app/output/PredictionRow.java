package io.predictionbatch.app.output;

/**
 * One prediction as written: the input record's line number, its key (or {@code null} when the
 * job names no key column) and the model's output values.
 */
public record PredictionRow(long line, Object key, Object[] outputs) {

    /** The row's values in the order of {@link OutputColumns}. */
    public Object[] values(boolean withKey) {
        int offset = withKey ? 2 : 1;
        Object[] values = new Object[outputs.length + offset];
        values[0] = line;
        if (withKey) {
            values[1] = key;
        }
        System.arraycopy(outputs, 0, values, offset, outputs.length);
        return values;
    }
}
