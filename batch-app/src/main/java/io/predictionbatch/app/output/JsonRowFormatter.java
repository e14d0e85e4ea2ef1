package io.predictionbatch.app.output;

import java.io.StringWriter;
import java.util.List;
import java.util.Optional;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/** Rows as JSON objects, one a line, keys in column order, values keeping their JSON types. */
final class JsonRowFormatter implements RowFormatter {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final List<String> columns;

    JsonRowFormatter(List<String> columns) {
        this.columns = List.copyOf(columns);
    }

    @Override
    public Optional<String> header() {
        return Optional.empty();
    }

    @Override
    public String format(Object[] values) {
        StringWriter line = new StringWriter(96);
        try (JsonGenerator json = MAPPER.createGenerator(line)) {
            json.writeStartObject();
            for (int i = 0; i < values.length; i++) {
                json.writeName(columns.get(i));
                json.writePOJO(values[i]);
            }
            json.writeEndObject();
        }
        return line.toString();
    }
}
