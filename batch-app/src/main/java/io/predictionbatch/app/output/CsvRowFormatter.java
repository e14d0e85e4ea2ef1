package io.predictionbatch.app.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;

/** Rows as RFC 4180 CSV lines (values quoted only when they need it). One per partition. */
final class CsvRowFormatter implements RowFormatter {

    /**
     * A format of its own: {@code CSVFormat.print} is synchronized, and partitions sharing one
     * format queue on its lock for every value they print.
     */
    private final CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator("").get();
    private final String header;

    CsvRowFormatter(List<String> columns) {
        this.header = format.format(columns.toArray());
    }

    @Override
    public Optional<String> header() {
        return Optional.of(header);
    }

    /** Prints value by value: {@code CSVFormat.format} builds a format and a printer per call. */
    @Override
    public String format(Object[] values) {
        StringBuilder line = new StringBuilder(64);
        try {
            for (int i = 0; i < values.length; i++) {
                format.print(values[i], line, i == 0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        return line.toString();
    }
}
