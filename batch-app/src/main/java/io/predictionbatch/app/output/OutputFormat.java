package io.predictionbatch.app.output;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where and how predictions and rejected records are written: a CSV or JSON Lines file, or the
 * result tables of the job repository's PostgreSQL ({@link ResultTables}).
 */
public enum OutputFormat {
    CSV(".csv"),
    JSONL(".jsonl"),
    TABLE("");

    private final String extension;

    OutputFormat(String extension) {
        this.extension = extension;
    }

    public static Optional<OutputFormat> fromExtension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(CSV.extension)) {
            return Optional.of(CSV);
        }
        return name.endsWith(JSONL.extension) || name.endsWith(".ndjson") ? Optional.of(JSONL) : Optional.empty();
    }

    /** Parses a file format option value ({@code csv}, {@code jsonl}). */
    public static OutputFormat parse(String text) {
        String name = text.trim().toUpperCase(Locale.ROOT);
        if (name.equals(CSV.name()) || name.equals(JSONL.name())) {
            return valueOf(name);
        }
        throw new IllegalArgumentException("Unknown format '" + text + "'; use csv or jsonl");
    }

    public boolean isFile() {
        return this != TABLE;
    }

    public String extension() {
        return extension;
    }

    /** A formatter of file rows with these columns. */
    public RowFormatter rows(List<String> columns) {
        return switch (this) {
            case CSV -> new CsvRowFormatter(columns);
            case JSONL -> new JsonRowFormatter(columns);
            case TABLE -> throw new IllegalStateException("Table output has no file rows");
        };
    }
}
