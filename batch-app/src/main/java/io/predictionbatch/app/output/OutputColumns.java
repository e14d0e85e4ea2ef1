package io.predictionbatch.app.output;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns of a prediction file: the line number, the key column if any, the model's outputs,
 * and the version of the model that made the prediction, so that each row can be traced to it.
 */
public final class OutputColumns {

    public static final String LINE = "line";
    public static final String MODEL_VERSION = "model_version";

    private OutputColumns() {
    }

    public static List<String> of(String keyColumn, List<String> outputFields) {
        List<String> columns = new ArrayList<>();
        columns.add(LINE);
        if (keyColumn != null) {
            columns.add(keyColumn);
        }
        for (String field : outputFields) {
            if (columns.contains(field) || field.equals(MODEL_VERSION)) {
                throw new IllegalArgumentException("Output column '" + field
                        + "' would appear twice; choose a key column not named like a model output");
            }
            columns.add(field);
        }
        columns.add(MODEL_VERSION);
        return columns;
    }
}
