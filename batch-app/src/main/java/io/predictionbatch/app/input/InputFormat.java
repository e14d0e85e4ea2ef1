package io.predictionbatch.app.input;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The record formats a prediction job reads. */
public enum InputFormat {
    CSV(".csv"),
    JSONL(".jsonl", ".ndjson");

    private final String[] extensions;

    InputFormat(String... extensions) {
        this.extensions = extensions;
    }

    /** The format a file's extension names, if any; a compressed file's, before its {@code .gz}. */
    public static Optional<InputFormat> fromExtension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT).replaceFirst("\\.(gz|gzip)$", "");
        return Arrays.stream(values())
                .filter(format -> Arrays.stream(format.extensions).anyMatch(name::endsWith))
                .findFirst();
    }

    /** Parses a user's option value ({@code csv}, {@code jsonl}) case-insensitively. */
    public static InputFormat parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown format '" + text + "'; use csv or jsonl");
        }
    }
}
