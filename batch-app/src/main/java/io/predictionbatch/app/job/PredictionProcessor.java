package io.predictionbatch.app.job;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.predictionbatch.app.input.InputRecord;
import io.predictionbatch.app.output.PredictionRow;
import io.predictionbatch.model.ModelException;
import io.predictionbatch.model.registry.HostedModel;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Binds a record to the model's input, predicts, and flattens the prediction into a row. A record
 * that cannot be scored throws a {@link ModelException} naming why; the step skips it into the
 * errors file.
 */
public final class PredictionProcessor<I, O> implements ItemProcessor<InputRecord, PredictionRow> {

    /**
     * Reads the key of a line the binder accepted, so it accepts what the binder does (NaN in a
     * field the model does not read), and a key that is an object or array from the middle of it.
     */
    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                    .build())
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

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
        if (record.problem() != null) {
            throw new MalformedRecordException(record.problem());
        }
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
        I input = model.binder().bindJson(record.text());
        return new PredictionRow(record.line(), keyColumn == null ? null : jsonKey(record.text()), predict(input));
    }

    /**
     * The key field's value, read from the top level of a line the binder has accepted, without
     * a tree. A number keeps its exact value: {@code 1e309} stays 1E+309, not the infinity a
     * double makes of it.
     */
    private Object jsonKey(String text) {
        try (JsonParser parser = JSON.createParser(text)) {
            parser.nextToken();
            for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
                boolean key = parser.currentName().equals(keyColumn);
                JsonToken value = parser.nextToken();
                if (key) {
                    return switch (value) {
                        case VALUE_NULL -> null;
                        case VALUE_NUMBER_INT -> parser.getNumberValue();
                        case VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
                        case VALUE_STRING -> parser.getString();
                        case VALUE_TRUE, VALUE_FALSE -> parser.getBooleanValue();
                        default -> JSON.treeToValue(JSON.readTree(parser), Object.class);
                    };
                }
                parser.skipChildren();
            }
            return null;
        }
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
