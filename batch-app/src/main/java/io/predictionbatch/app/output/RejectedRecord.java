package io.predictionbatch.app.output;

import java.util.List;

/**
 * A record set aside: where it was, why, and its text, so it can be fixed and scored again.
 *
 * @param line the line the record starts on
 * @param reason what was wrong, as the user should read it
 * @param record the record's text (CSV records are re-encoded from their parsed values)
 */
public record RejectedRecord(long line, String reason, String record) {

    public static final List<String> COLUMNS = List.of("line", "reason", "record");

    public Object[] values() {
        return new Object[] {line, reason, record};
    }
}
