package io.predictionbatch.app.job;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.predictionbatch.app.input.InputRecord;
import io.predictionbatch.app.output.PredictionRow;
import io.predictionbatch.model.ModelException;
import io.predictionbatch.model.registry.HostedModel;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Binds a record to the model's input, predicts, and flattens the prediction into a row. A record
 * that cannot be scored throws a {@link ModelException} naming why; the step skips it into the
 * errors file.
 */
public final class PredictionProcessor<I, O> implements ItemProcessor<InputRecord, PredictionRow> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HostedModel<I, O> model;
    private final String keyColumn;
    private final String[] columns;
    private final Map<String, Integer> columnIndex = new HashMap<>();

    /**
     * @param columns the CSV header's columns, or empty for JSON Lines
     * @param keyColumn the column to copy into each row, or {@code null}
     */
    public PredictionProcessor(HostedModel<I, O> model, List<String> columns, String keyColumn) {
        this.model = model;
        this.keyColumn = keyColumn;
        this.columns = columns.toArray(String[]::new);
        for (int i = 0; i < this.columns.length; i++) {
            columnIndex.put(this.columns[i], i);
        }
    }

    @Override
    public PredictionRow process(InputRecord record) {
        return record.fields() != null ? processCsv(record) : processJson(record);
    }

    private PredictionRow processCsv(InputRecord record) {
        String[] values = record.fields();
        if (values.length != columns.length) {
            throw new MalformedRecordException("has " + values.length + " values but the header has "
                    + columns.length + " columns");
        }
        I input = model.binder().bindText(new CsvRow(columnIndex, columns, values));
        Object key = keyColumn == null ? null : values[columnIndex.get(keyColumn)];
        return new PredictionRow(record.line(), key, predict(input));
    }

    private PredictionRow processJson(InputRecord record) {
        if (keyColumn == null) {
            return new PredictionRow(record.line(), null, predict(model.binder().bindJson(record.text())));
        }
        JsonNode node;
        try {
            node = JSON.readTree(record.text());
        } catch (JacksonException e) {
            // Let the binder word the error, as it does for records without a key.
            return new PredictionRow(record.line(), null, predict(model.binder().bindJson(record.text())));
        }
        I input = model.binder().bindJson(node);
        JsonNode key = node.get(keyColumn);
        return new PredictionRow(record.line(), key == null || key.isNull() ? null : JSON.treeToValue(key, Object.class),
                predict(input));
    }

    private Object[] predict(I input) {
        O output;
        try {
            output = model.model().predict(input);
        } catch (ModelException e) {
            throw e;
        } catch (RuntimeException e) {
            // A model bug on one record is that record's error; the error threshold stops a
            // model that fails on every record.
            throw new ModelException("model " + model.qualifiedName() + " failed: " + e, e);
        }
        return model.outputFields().values(output);
    }
}
