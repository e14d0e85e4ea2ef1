package io.predictionbatch.app.input;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

/**
 * Checks an input file before any record is read, so a wrong file fails in a second with a message
 * that says what to fix rather than after a partition has started.
 */
public final class InputInspector {

    private InputInspector() {
    }

    /**
     * @param format the format the user named, or {@code null} to take it from the extension
     * @param requiredFields the fields the model reads from each record
     * @param keyColumn the column to carry into the output, or {@code null}
     */
    public static InputDescription inspect(Path file, InputFormat format, List<String> requiredFields,
            String keyColumn) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            throw new InvalidInputException("Input file '" + file + "' does not exist");
        }
        if (!Files.isRegularFile(absolute)) {
            throw new InvalidInputException("Input '" + file + "' is not a regular file");
        }
        if (!Files.isReadable(absolute)) {
            throw new InvalidInputException("Input file '" + file + "' is not readable (check its permissions)");
        }
        InputFormat resolved = format != null ? format : InputFormat.fromExtension(absolute)
                .orElseThrow(() -> new InvalidInputException("Cannot tell the format of '" + file
                        + "' from its extension; name it .csv or .jsonl, or pass --input-format csv|jsonl"));
        try {
            if (Files.size(absolute) == 0) {
                throw new InvalidInputException("Input file '" + file + "' is empty"
                        + (resolved == InputFormat.CSV ? ": a CSV input needs a header line naming its columns" : ""));
            }
            List<String> columns = resolved == InputFormat.CSV
                    ? checkedHeader(absolute, requiredFields, keyColumn)
                    : List.of();
            return new InputDescription(absolute, resolved, columns);
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read input file '" + file + "': " + e.getMessage());
        }
    }

    private static List<String> checkedHeader(Path file, List<String> requiredFields, String keyColumn)
            throws IOException {
        List<String> columns = readHeader(file);
        Set<String> seen = new HashSet<>();
        for (String column : columns) {
            if (!seen.add(column)) {
                throw new InvalidInputException("The header of '" + file + "' names column '" + column + "' twice");
            }
        }
        List<String> missing = requiredFields.stream().filter(field -> !seen.contains(field)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException("The header of '" + file + "' lacks column(s) " + String.join(", ", missing)
                    + " that the model needs; the header is: " + String.join(",", columns)
                    + " (the model reads " + String.join(", ", requiredFields) + ")");
        }
        if (keyColumn != null && !seen.contains(keyColumn)) {
            throw new InvalidInputException("Key column '" + keyColumn + "' is not in the header of '" + file
                    + "': " + String.join(",", columns));
        }
        return columns;
    }

    private static List<String> readHeader(Path file) throws IOException {
        try (Reader reader = new InputStreamReader(
                BOMInputStream.builder().setInputStream(Files.newInputStream(file)).get(), StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.builder().setReader(reader).setFormat(CsvRangeReader.FORMAT).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new InvalidInputException("Input file '" + file + "' has no header line");
            }
            return List.of(records.next().values()).stream().map(String::strip).toList();
        } catch (java.io.UncheckedIOException e) {
            throw new InvalidInputException("Cannot parse the header of '" + file + "': " + e.getCause().getMessage());
        }
    }
}
