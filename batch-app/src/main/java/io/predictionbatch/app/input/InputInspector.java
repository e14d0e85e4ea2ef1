package io.predictionbatch.app.input;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks an input file before any record is read, so a wrong file fails in a second with a message
 * that says what to fix rather than after a partition has started.
 */
public final class InputInspector {

    /** How many records are looked at for the key field of a JSON Lines input. */
    private static final int KEY_CHECK_RECORDS = 100;
    private static final JsonMapper JSON = JsonMapper.builder().build();

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
            if (resolved == InputFormat.JSONL && keyColumn != null) {
                checkKeyField(absolute, keyColumn);
            }
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
            // A column nothing reads may be unnamed or named twice (Excel's trailing empty header
            // cells): only a column the job reads must be unambiguous.
            boolean read = requiredFields.contains(column) || column.equals(keyColumn);
            if (!seen.add(column) && read) {
                throw new InvalidInputException("The header of '" + file + "' names column '" + column + "' twice");
            }
        }
        List<String> missing = requiredFields.stream().filter(field -> !seen.contains(field)).toList();
        if (!missing.isEmpty()) {
            Optional<String> kind = notCommaSeparatedUtf8(file, columns, requiredFields);
            if (kind.isPresent()) {
                throw new InvalidInputException("'" + file + "' " + kind.get());
            }
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

    /**
     * What a file whose header lacks the model's columns is, when it is not a comma-separated UTF-8
     * file at all: gzip data, UTF-16 text, or columns separated by semicolons or tabs. Said plainly,
     * rather than the raw bytes of a header that makes no sense.
     */
    private static Optional<String> notCommaSeparatedUtf8(Path file, List<String> columns, List<String> requiredFields)
            throws IOException {
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(4096);
        }
        if (start.length >= 2 && (start[0] & 0xff) == 0x1f && (start[1] & 0xff) == 0x8b) {
            return Optional.of("is gzip-compressed; decompress it first (gunzip)");
        }
        boolean utf16Bom = start.length >= 2 && ((start[0] & 0xff) == 0xfe && (start[1] & 0xff) == 0xff
                || (start[0] & 0xff) == 0xff && (start[1] & 0xff) == 0xfe);
        long nulBytes = IntStream.range(0, start.length).filter(i -> start[i] == 0).count();
        if (utf16Bom || nulBytes > start.length / 4) {
            return Optional.of("is UTF-16 text; save it as UTF-8 (e.g. iconv -f UTF-16 -t UTF-8)");
        }
        String header = String.join(",", columns);
        for (String separator : List.of(";", "\t")) {
            List<String> split = List.of(header.split(separator, -1)).stream().map(String::strip).toList();
            if (split.containsAll(requiredFields)) {
                return Optional.of("separates its columns with " + (separator.equals(";") ? "semicolons" : "tabs")
                        + ", not commas; a CSV input is comma-separated: convert it first");
            }
        }
        return Optional.empty();
    }

    /**
     * A key field must be in the records, as a key column must be in a CSV header: one of the first
     * records must hold it (a record without it later gets an empty key).
     */
    private static void checkKeyField(Path file, String keyField) throws IOException {
        int records = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                BOMInputStream.builder().setInputStream(Files.newInputStream(file)).get(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null && records < KEY_CHECK_RECORDS;
                    line = reader.readLine()) {
                if (BlankLines.isBlank(line)) {
                    continue;
                }
                records++;
                try {
                    if (JSON.readTree(line) instanceof ObjectNode record && record.has(keyField)) {
                        return;
                    }
                } catch (JacksonException e) {
                    // Not JSON: that record is rejected when it is read; the next ones tell.
                }
            }
        }
        throw new InvalidInputException("Key field '" + keyField + "' is in none of the first " + records
                + " record(s) of '" + file + "'; name a field the records hold");
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
