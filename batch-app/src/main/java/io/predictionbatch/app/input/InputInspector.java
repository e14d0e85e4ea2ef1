package io.predictionbatch.app.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

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
     * @param dialect how the records are written
     * @param requiredFields the fields the model reads from each record
     * @param keyColumn the column to carry into the output, or {@code null}
     */
    public static InputDescription inspect(Path file, InputDialect dialect, List<String> requiredFields,
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
        try {
            if (Files.size(absolute) == 0) {
                throw new InvalidInputException("Input file '" + file + "' is empty"
                        + (dialect.format() == InputFormat.CSV ? ": a CSV input needs a header line naming its columns" : ""));
            }
            if (startsWithUtf16ByteOrderMark(absolute)) {
                throw new InvalidInputException("'" + file + "' is UTF-16 text (it starts with a UTF-16 byte order"
                        + " mark); save it as UTF-8 (e.g. iconv -f UTF-16 -t UTF-8)");
            }
            List<String> columns = dialect.format() == InputFormat.CSV
                    ? checkedHeader(absolute, dialect, requiredFields, keyColumn)
                    : List.of();
            if (dialect.format() == InputFormat.JSONL && keyColumn != null) {
                checkKeyField(absolute, dialect, keyColumn);
            }
            return new InputDescription(absolute, dialect.format(), columns);
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read input file '" + file + "': " + e.getMessage());
        }
    }

    private static List<String> checkedHeader(Path file, InputDialect dialect, List<String> requiredFields,
            String keyColumn) throws IOException {
        List<String> columns = readHeader(file, dialect);
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
            Optional<String> kind = notText(file).or(() -> otherDelimiter(dialect, columns, requiredFields));
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
     * What a file whose header makes no sense is when it is not text at all: UTF-16 text without a
     * byte order mark. Said plainly, rather than the raw bytes of its header.
     */
    private static Optional<String> notText(Path file) throws IOException {
        byte[] start;
        try (InputStream in = InputBytes.open(file).stream()) {
            start = in.readNBytes(4096);
        }
        long nulBytes = IntStream.range(0, start.length).filter(i -> start[i] == 0).count();
        if (nulBytes > start.length / 4) {
            return Optional.of("is UTF-16 text; save it as UTF-8 (e.g. iconv -f UTF-16 -t UTF-8)");
        }
        return Optional.empty();
    }

    /** The delimiter a header that lacks the model's columns would hold them with, if any. */
    private static Optional<String> otherDelimiter(InputDialect dialect, List<String> columns,
            List<String> requiredFields) {
        String header = String.join(String.valueOf(dialect.delimiter()), columns);
        for (char delimiter : new char[] {',', ';', '\t', '|'}) {
            List<String> split = List.of(header.split(Pattern.quote(String.valueOf(delimiter)), -1)).stream()
                    .map(String::strip).toList();
            if (delimiter != dialect.delimiter() && split.containsAll(requiredFields)) {
                String name = delimiter == '\t' ? "tab" : String.valueOf(delimiter);
                return Optional.of("separates its columns with '" + name + "', not '" + dialect.delimiter()
                        + "': pass --delimiter '" + name + "'");
            }
        }
        return Optional.empty();
    }

    /**
     * A key field must be in the records, as a key column must be in a CSV header: one of the first
     * records must hold it (a record without it later gets an empty key).
     */
    private static void checkKeyField(Path file, InputDialect dialect, String keyField) throws IOException {
        int records = 0;
        try (RecordReader reader = wholeFile(file, dialect)) {
            for (InputRecord record = reader.next(); record != null && records < KEY_CHECK_RECORDS;
                    record = reader.next()) {
                records++;
                try {
                    if (record.problem() == null && JSON.readTree(record.text()) instanceof ObjectNode object
                            && object.has(keyField)) {
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

    private static List<String> readHeader(Path file, InputDialect dialect) throws IOException {
        try (RecordReader reader = wholeFile(file, dialect)) {
            InputRecord header = reader.next();
            if (header == null) {
                throw new InvalidInputException("Input file '" + file + "' has no header line");
            }
            if (header.problem() != null) {
                Optional<String> kind = notText(file);
                if (kind.isPresent()) {
                    throw new InvalidInputException("'" + file + "' " + kind.get());
                }
                throw new InvalidInputException("Cannot read the header of '" + file + "' (line " + header.line()
                        + "): " + header.problem());
            }
            return List.of(header.fields()).stream().map(String::strip).toList();
        }
    }

    /** The file's records from the start, after a UTF-8 byte order mark if there is one. */
    private static RecordReader wholeFile(Path file, InputDialect dialect) throws IOException {
        return new RecordReader(BOMInputStream.builder().setInputStream(InputBytes.open(file).stream()).get(), dialect, 1);
    }

    private static boolean startsWithUtf16ByteOrderMark(Path file) throws IOException {
        try (InputStream in = InputBytes.open(file).stream()) {
            byte[] start = in.readNBytes(2);
            return start.length == 2 && ((start[0] & 0xff) == 0xfe && (start[1] & 0xff) == 0xff
                    || (start[0] & 0xff) == 0xff && (start[1] & 0xff) == 0xfe);
        }
    }
}
