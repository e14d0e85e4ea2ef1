package io.predictionbatch.app.output;

import java.util.ArrayList;
import java.util.List;

/** The columns of a prediction output: the line number, the key column if any, the model's outputs. */
public final class OutputColumns {

    public static final String LINE = "line";

    private OutputColumns() {
    }

    public static List<String> of(String keyColumn, List<String> outputFields) {
        List<String> columns = new ArrayList<>();
        columns.add(LINE);
        if (keyColumn != null) {
            columns.add(keyColumn);
        }
        for (String field : outputFields) {
            if (columns.contains(field)) {
                throw new IllegalArgumentException("Output column '" + field
                        + "' would appear twice; choose a key column not named like a model output");
            }
            columns.add(field);
        }
        return columns;
    }
}
