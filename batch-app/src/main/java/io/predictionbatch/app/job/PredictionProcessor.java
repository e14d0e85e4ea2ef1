package io.predictionbatch.app.job;

import java.util.ArrayList;
import java.util.List;

import io.predictionbatch.app.input.InputRecord;
import io.predictionbatch.app.output.PredictionRow;
import io.predictionbatch.model.ModelException;
import io.predictionbatch.model.binding.RecordBinder;
import io.predictionbatch.model.registry.HostedModel;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Binds a block of records to the model's input, predicts them in one call of the model's list
 * {@link io.predictionbatch.model.MLModel#predict(List) predict} (a model that vectorises, as ONNX
 * Runtime does, pays its per-call cost once per block), and flattens each prediction into a row.
 * A record that cannot be scored becomes a rejection naming why (a {@link ModelException} or a
 * {@link MalformedRecordException}); the others are scored all the same. When the model refuses
 * the block as a whole, its records are predicted one by one, so that only the bad ones are
 * rejected. Any other exception is no bad record (a bug, an I/O error) and fails the block, so
 * that the partition fails and can be restarted.
 */
public final class PredictionProcessor<I, O> implements ItemProcessor<List<InputRecord>, PredictedBlock> {

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
    private final int columnCount;
    /** The binding of a CSV row by position, its columns found once for the file. */
    private final RecordBinder<I>.Columns csvBinding;
    /** The key's column in a CSV row, or -1 for none (and for JSON Lines). */
    private final int keyIndex;

    /** A record bound to the model's input, with its place in the block and the key to copy beside its prediction. */
    private record Bound<I>(int position, I input, Object key) {
    }

    /**
     * @param columns the CSV header's columns, or empty for JSON Lines
     * @param keyColumn the column to copy into each row, or {@code null}
     */
    public PredictionProcessor(HostedModel<I, O> model, List<String> columns, String keyColumn) {
        this.model = model;
        this.keyColumn = keyColumn;
        this.columnCount = columns.size();
        this.csvBinding = model.binder().forColumns(columns);
        this.keyIndex = keyColumn == null ? -1 : columns.indexOf(keyColumn);
        if (keyColumn != null && !columns.isEmpty() && keyIndex < 0) {
            throw new IllegalArgumentException("The header has no key column '" + keyColumn + "'");
        }
    }

    @Override
    public PredictedBlock process(List<InputRecord> block) {
        // Each record's row or rejection by its place in the block, so that both lists keep input order.
        Object[] outcomes = new Object[block.size()];
        List<Bound<I>> bound = new ArrayList<>(block.size());
        for (int i = 0; i < outcomes.length; i++) {
            try {
                bound.add(bind(i, block.get(i)));
            } catch (ModelException | MalformedRecordException rejection) {
                outcomes[i] = rejection;
            }
        }
        List<O> outputs = predictAll(bound);
        for (int i = 0; i < bound.size(); i++) {
            Bound<I> each = bound.get(i);
            try {
                O output = outputs != null ? outputs.get(i) : predict(each.input());
                outcomes[each.position()] = new PredictionRow(block.get(each.position()).line(), each.key(),
                        model.outputFields().values(output));
            } catch (ModelException rejection) {
                outcomes[each.position()] = rejection;
            }
        }
        List<PredictionRow> rows = new ArrayList<>(bound.size());
        List<PredictedBlock.Rejection> rejections = new ArrayList<>(outcomes.length - bound.size());
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i] instanceof PredictionRow row) {
                rows.add(row);
            } else {
                rejections.add(new PredictedBlock.Rejection(block.get(i), (RuntimeException) outcomes[i]));
            }
        }
        return new PredictedBlock(rows, rejections);
    }

    private Bound<I> bind(int position, InputRecord record) {
        if (record.problem() != null) {
            throw new MalformedRecordException(record.problem());
        }
        return record.fields() != null ? bindCsv(position, record) : bindJson(position, record);
    }

    private Bound<I> bindCsv(int position, InputRecord record) {
        String[] values = record.fields();
        if (values.length != columnCount) {
            throw new MalformedRecordException("has " + values.length + " values but the header has "
                    + columnCount + " columns");
        }
        I input = csvBinding.bind(values);
        return new Bound<>(position, input, keyIndex < 0 ? null : values[keyIndex]);
    }

    private Bound<I> bindJson(int position, InputRecord record) {
        I input = model.binder().bindJson(record.text());
        return new Bound<>(position, input, keyColumn == null ? null : jsonKey(record.text()));
    }

    /** The block's predictions in one call, or {@code null} when the model refuses the block as a whole. */
    private List<O> predictAll(List<Bound<I>> bound) {
        if (bound.size() < 2) {
            return null;
        }
        List<I> inputs = new ArrayList<>(bound.size());
        for (Bound<I> each : bound) {
            inputs.add(each.input());
        }
        try {
            List<O> outputs = model.model().predict(inputs);
            return outputs != null && outputs.size() == inputs.size() ? outputs : null;
        } catch (RuntimeException refused) {
            return null; // one by one finds the records at fault and says why for each
        }
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

    private O predict(I input) {
        try {
            return model.model().predict(input);
        } catch (ModelException e) {
            throw e;
        } catch (RuntimeException e) {
            // A model bug on one record is that record's error; the error threshold stops a
            // model that fails on every record.
            throw new ModelException("model " + model.qualifiedName() + " failed: " + e, e);
        }
    }
}
