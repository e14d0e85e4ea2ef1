package io.predictionbatch.app.output;

import java.util.List;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;

/** Rows as RFC 4180 CSV lines (values quoted only when they need it). */
final class CsvRowFormatter implements RowFormatter {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("").get();

    private final List<String> columns;

    CsvRowFormatter(List<String> columns) {
        this.columns = List.copyOf(columns);
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public Optional<String> header() {
        return Optional.of(FORMAT.format(columns.toArray()));
    }

    @Override
    public String format(Object[] values) {
        return FORMAT.format(values);
    }
}
