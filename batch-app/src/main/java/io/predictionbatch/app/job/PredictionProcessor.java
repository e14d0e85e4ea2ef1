package io.predictionbatch.app.job;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import io.predictionbatch.app.input.InputRecord;
import io.predictionbatch.app.output.PredictionRow;
import io.predictionbatch.model.ModelException;
import io.predictionbatch.model.registry.HostedModel;
import org.springframework.batch.core.listener.ItemReadListener;
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
 *
 * <h2>A block at a time</h2>
 * The step reads a whole chunk before it processes the chunk's first record. This processor
 * listens to the reads, and when asked for a record it has not predicted yet, it binds that record
 * and every record read after it, and hands the bound ones to the model's list
 * {@link io.predictionbatch.model.MLModel#predict(List) predict} in one call: a model that
 * vectorises (ONNX Runtime runs a graph once per call) pays its per-call cost once per chunk. The
 * step still sees one record at a time: each record's row, or the exception that rejects it, is
 * handed out when the step processes that record, so counts, skips and restart positions stay per
 * record. When the model refuses the block as a whole, its records are predicted one by one, so
 * that only the bad ones are rejected. A record processed again (after a rollback) is predicted
 * afresh, alone.
 */
public final class PredictionProcessor<I, O>
        implements ItemProcessor<InputRecord, PredictionRow>, ItemReadListener<InputRecord> {

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
    /** Records read and not yet predicted, in reading order. */
    private final List<InputRecord> unpredicted = new ArrayList<>();
    /** The row, or the exception rejecting it, of each predicted record the step has not processed yet. */
    private final Map<InputRecord, Object> outcomes = new IdentityHashMap<>();

    /** A record bound to the model's input, with the key to copy beside its prediction. */
    private record Bound<I>(InputRecord record, I input, Object key) {
    }

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
    public void afterRead(InputRecord record) {
        unpredicted.add(record);
    }

    @Override
    public PredictionRow process(InputRecord record) {
        Object outcome = outcomes.remove(record);
        if (outcome == null) {
            predictBlockFrom(record);
            outcome = outcomes.remove(record);
        }
        if (outcome instanceof RuntimeException rejection) {
            throw rejection;
        }
        return (PredictionRow) outcome;
    }

    /** Predicts the record and those read after it; earlier ones were processed or abandoned. */
    private void predictBlockFrom(InputRecord record) {
        int start = indexOf(record);
        List<InputRecord> block = start < 0 ? List.of(record) : new ArrayList<>(unpredicted.subList(start,
                unpredicted.size()));
        unpredicted.clear();
        outcomes.clear();
        List<Bound<I>> bound = new ArrayList<>(block.size());
        for (InputRecord each : block) {
            try {
                bound.add(bind(each));
            } catch (RuntimeException rejection) {
                outcomes.put(each, rejection);
            }
        }
        List<O> outputs = predictAll(bound);
        for (int i = 0; i < bound.size(); i++) {
            Bound<I> each = bound.get(i);
            try {
                O output = outputs != null ? outputs.get(i) : predict(each.input());
                outcomes.put(each.record(), new PredictionRow(each.record().line(), each.key(),
                        model.outputFields().values(output)));
            } catch (RuntimeException rejection) {
                outcomes.put(each.record(), rejection);
            }
        }
    }

    private int indexOf(InputRecord record) {
        for (int i = unpredicted.size() - 1; i >= 0; i--) {
            if (unpredicted.get(i) == record) {
                return i;
            }
        }
        return -1;
    }

    private Bound<I> bind(InputRecord record) {
        if (record.problem() != null) {
            throw new MalformedRecordException(record.problem());
        }
        return record.fields() != null ? bindCsv(record) : bindJson(record);
    }

    private Bound<I> bindCsv(InputRecord record) {
        String[] values = record.fields();
        if (values.length != columns.length) {
            throw new MalformedRecordException("has " + values.length + " values but the header has "
                    + columns.length + " columns");
        }
        I input = model.binder().bindText(new CsvRow(columnIndex, columns, values));
        return new Bound<>(record, input, keyColumn == null ? null : values[columnIndex.get(keyColumn)]);
    }

    private Bound<I> bindJson(InputRecord record) {
        I input = model.binder().bindJson(record.text());
        return new Bound<>(record, input, keyColumn == null ? null : jsonKey(record.text()));
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
