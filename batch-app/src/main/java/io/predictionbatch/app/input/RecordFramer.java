package io.predictionbatch.app.input;

/**
 * Where records begin and end in the bytes of a CSV or JSON Lines file, and which bytes are a CSV
 * field's value: the one definition that the planner (which cuts a file into slices of whole
 * records) and the reader (which reads each slice) share, so they cannot disagree on where a
 * record ends.
 *
 * <p>It works on bytes, not characters: the delimiter, quote and line ends are ASCII, and the
 * encodings a job reads keep ASCII bytes for ASCII characters (see {@link InputDialect}), so a
 * multi-byte character can never be taken for structure. Working on bytes also lets the reader
 * cap a record's length and check its encoding before any text is made of it.
 *
 * <p>CSV follows RFC 4180 as Commons CSV reads it: a quote opens a field only at the field's start
 * (elsewhere it is text), {@code ""} inside quotes is a quote, a quoted field may hold line ends.
 * A quoted field that closes and goes on with text ({@code "6.4"x}, {@code "6.4" ,}) is a
 * <em>quoting slip</em>: the record still ends where its line does (read on as unquoted text), so
 * that one record is rejected and the next ones are read. Only a quote that never closes leaves
 * no record end, and so refuses the whole file.
 *
 * <p>Line ends are LF, CRLF or a lone CR. An empty line is no record; in JSON Lines, neither is a
 * line of spaces and tabs only, JSON's own whitespace besides the line ends. Any other character (a
 * form feed, U+3000) makes a JSON Lines line a record, which is then rejected as not JSON, with its
 * line. A CSV line of spaces is a record.
 */
final class RecordFramer {

    /** The byte belongs to the value of the current field (JSON Lines: to the record's text). */
    static final int VALUE = 0;
    /** Structure that is no value: a field's enclosing quotes, the first quote of a {@code ""}. */
    static final int QUOTE = 1;
    /** A delimiter outside quotes: the field ends here. */
    static final int FIELD_END = 2;
    /** A line end outside quotes that ends a record. */
    static final int RECORD_END = 3;
    /** A line end that ends no record (an empty or blank line, the LF of a CRLF). */
    static final int NO_RECORD = 4;

    private enum State { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

    private final boolean csv;
    private final byte delimiter;

    private State state = State.FIELD_START;
    private boolean inRecord;
    private boolean recordHasContent;
    private boolean previousWasCr;
    private long line = 1;
    private long recordLine;
    private long quoteOpenedLine;
    private String slip;

    RecordFramer(InputFormat format, byte delimiter) {
        this.csv = format == InputFormat.CSV;
        this.delimiter = delimiter;
    }

    /** Starts counting lines at {@code firstLine}: a slice starts where its first line does. */
    RecordFramer startingAt(long firstLine) {
        line = firstLine;
        return this;
    }

    /** What the next byte of the file is to the record it belongs to. */
    int accept(byte b) {
        if (b == '\n' && previousWasCr) {
            // The LF of a CRLF: the line ended at the CR already.
            previousWasCr = false;
            return state == State.QUOTED ? VALUE : NO_RECORD;
        }
        previousWasCr = b == '\r';
        boolean lineEnd = b == '\n' || b == '\r';
        if (!inRecord) {
            if (lineEnd) {
                line++;
                return NO_RECORD;
            }
            inRecord = true;
            recordLine = line;
            recordHasContent = false;
            slip = null;
        }
        return csv ? acceptCsv(b, lineEnd) : acceptJsonLines(b, lineEnd);
    }

    /**
     * Takes, as {@link #accept} would one by one, the bytes from {@code from} on that are plain
     * text of the current record: in JSON Lines every byte up to a line end; in CSV, outside
     * quotes, every byte up to a line end or a quote (whose meaning depends on where it stands).
     * Returns where they end: {@code from} when no record is under way (its first byte goes
     * through {@link #accept}) or a quoted field is. The bytes taken are {@link #VALUE}s and, for
     * the CSV delimiters among them, {@link #FIELD_END}s.
     *
     * <p>Why: a loop over plain text in one method is faster than a call and a state switch per
     * byte. The planner passes over the whole file before any partition starts (10M rows: the pass
     * took 0.55 s instead of 1.4); the readers split the run into fields themselves.
     */
    int plainRun(byte[] bytes, int from, int limit) {
        if (!inRecord || state == State.QUOTED || state == State.QUOTE_IN_QUOTED) {
            return from;
        }
        int end = from;
        if (csv) {
            while (end < limit) {
                byte b = bytes[end];
                if (b == '\n' || b == '\r' || b == '"') {
                    break;
                }
                end++;
            }
            if (end > from) {
                state = bytes[end - 1] == delimiter ? State.FIELD_START : State.UNQUOTED;
                recordHasContent = true;
            }
        } else {
            boolean content = false;
            while (end < limit) {
                byte b = bytes[end];
                if (b == '\n' || b == '\r') {
                    break;
                }
                content |= b != ' ' && b != '\t';
                end++;
            }
            recordHasContent |= content;
        }
        if (end > from) {
            previousWasCr = false;
        }
        return end;
    }

    private int acceptJsonLines(byte b, boolean lineEnd) {
        if (lineEnd) {
            return endLine();
        }
        recordHasContent |= b != ' ' && b != '\t';
        return VALUE;
    }

    private int acceptCsv(byte b, boolean lineEnd) {
        recordHasContent = true;
        switch (state) {
            case QUOTED -> {
                if (b == '"') {
                    state = State.QUOTE_IN_QUOTED;
                    return QUOTE;
                }
                if (lineEnd) {
                    line++;
                }
                return VALUE;
            }
            case QUOTE_IN_QUOTED -> {
                if (b == '"') {
                    state = State.QUOTED;
                    return VALUE;
                }
                if (b == delimiter) {
                    state = State.FIELD_START;
                    return FIELD_END;
                }
                if (lineEnd) {
                    return endLine();
                }
                if (slip == null) {
                    slip = "text after a closing quote (" + shown(b) + " on line " + line + "): a quoted field must"
                            + " end at the delimiter or the end of the line; write a quote inside a quoted field as \"\"";
                }
                state = State.UNQUOTED;
                return VALUE;
            }
            default -> {
                if (lineEnd) {
                    return endLine();
                }
                if (b == delimiter) {
                    state = State.FIELD_START;
                    return FIELD_END;
                }
                if (b == '"' && state == State.FIELD_START) {
                    state = State.QUOTED;
                    quoteOpenedLine = line;
                    return QUOTE;
                }
                state = State.UNQUOTED;
                return VALUE;
            }
        }
    }

    private int endLine() {
        line++;
        state = State.FIELD_START;
        inRecord = false;
        return recordHasContent ? RECORD_END : NO_RECORD;
    }

    /**
     * The input ended: {@link #RECORD_END} when it ended a record that had no line end of its own,
     * else {@link #NO_RECORD}. A record cut off inside quotes has {@link #unclosedQuote()}.
     */
    int end() {
        if (!inRecord) {
            return NO_RECORD;
        }
        if (state == State.QUOTED) {
            slip = unclosedQuote();
        }
        return endLine();
    }

    /** Called after {@link #RECORD_END}, before the next byte: the line the record began on. */
    long recordLine() {
        return recordLine;
    }

    /** Called after {@link #RECORD_END}, before the next byte: the record's quoting slip, or {@code null}. */
    String slip() {
        return slip;
    }

    /** The input ended inside quotes. */
    boolean insideQuotes() {
        return inRecord && state == State.QUOTED;
    }

    long quoteOpenedLine() {
        return quoteOpenedLine;
    }

    String unclosedQuote() {
        return "a quoted field opens on line " + quoteOpenedLine + " and never closes (a missing closing quote?)";
    }

    /** The line the next byte is on. */
    long line() {
        return line;
    }

    private static String shown(byte b) {
        return b >= 0x20 && b < 0x7f ? "'" + (char) b + "'" : String.format("byte 0x%02X", b & 0xff);
    }
}
