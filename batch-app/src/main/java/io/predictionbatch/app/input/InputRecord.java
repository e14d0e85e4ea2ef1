package io.predictionbatch.app.input;

/**
 * One record as read from an input file, before binding.
 *
 * @param line the line number where the record starts (1-based, counting the CSV header)
 * @param fields for CSV, the record's values in column order; {@code null} for JSONL and for a
 *     record with a problem
 * @param text for JSONL, the line as read; for a record with a problem, the record as written;
 *     else {@code null} (a CSV record's text is rebuilt from its fields when it is rejected, since
 *     only then is it needed)
 * @param problem why the record cannot be read (bad quoting, invalid bytes, too long), or {@code null}
 */
public record InputRecord(long line, String[] fields, String text, String problem) {

    public static InputRecord csv(long line, String[] fields) {
        return new InputRecord(line, fields, null, null);
    }

    public static InputRecord json(long line, String text) {
        return new InputRecord(line, null, text, null);
    }

    /** A record that is rejected as it is read, with the reason. */
    public static InputRecord malformed(long line, String text, String problem) {
        return new InputRecord(line, null, text, problem);
    }
}
