package io.predictionbatch.app.input;

/**
 * One record as read from an input file, before binding.
 *
 * @param line the line number where the record starts (1-based, counting the CSV header)
 * @param fields for CSV, the record's values in column order; {@code null} for JSONL
 * @param text for JSONL, the line as read; {@code null} for CSV (it is rebuilt from the fields
 *     when the record is rejected, since only then is it needed)
 */
public record InputRecord(long line, String[] fields, String text) {

    public static InputRecord csv(long line, String[] fields) {
        return new InputRecord(line, fields, null);
    }

    public static InputRecord json(long line, String text) {
        return new InputRecord(line, null, text);
    }
}
