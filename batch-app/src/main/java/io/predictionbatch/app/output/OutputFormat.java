package io.predictionbatch.app.output;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The file formats predictions and rejected records are written in. */
public enum OutputFormat {
    CSV(".csv"),
    JSONL(".jsonl");

    private final String extension;

    OutputFormat(String extension) {
        this.extension = extension;
    }

    public static Optional<OutputFormat> fromExtension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (OutputFormat format : values()) {
            if (name.endsWith(format.extension)) {
                return Optional.of(format);
            }
        }
        return name.endsWith(".ndjson") ? Optional.of(JSONL) : Optional.empty();
    }

    public static OutputFormat parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown format '" + text + "'; use csv or jsonl");
        }
    }

    public String extension() {
        return extension;
    }

    /** A formatter of rows with these columns. */
    public RowFormatter rows(List<String> columns) {
        return this == CSV ? new CsvRowFormatter(columns) : new JsonRowFormatter(columns);
    }
}
