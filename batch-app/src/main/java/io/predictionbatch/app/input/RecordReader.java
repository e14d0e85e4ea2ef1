package io.predictionbatch.app.input;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;

/**
 * Reads the records of a stream of bytes, framed by a {@link RecordFramer}, into {@link InputRecord}s.
 *
 * <p>A record that cannot be read as it is written comes back {@linkplain InputRecord#problem()
 * with its problem}, to be rejected with its line while the next records are read: a quoting slip,
 * bytes that are not valid in the file's encoding (never replaced, so a key is never altered), or
 * more bytes than {@link InputDialect#maxRecordBytes()}. The bytes of a record past that limit are
 * framed but not kept, so memory stays flat whatever a record's length.
 */
final class RecordReader implements Closeable {

    private static final int BUFFER_SIZE = 1 << 16;
    /** How much of a record too long to read is shown in the errors file. */
    private static final int SHOWN_BYTES = 1024;
    /** Record buffers up to this size are kept from one record to the next. */
    private static final int KEPT_BUFFER = 1 << 16;

    private final InputStream in;
    private final InputDialect dialect;
    private final RecordFramer framer;
    /** The CSV delimiter; in JSON Lines none, as no byte equals this int. */
    private final int fieldDelimiter;
    private final CharsetDecoder decoder;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private int position;
    private int limit;

    /** The record's bytes as written, line end excluded, up to the limit. */
    private byte[] raw = new byte[256];
    private int rawLength;
    private long recordBytes;
    /** The record's field values (quotes removed) one after the other, up to the limit. */
    private byte[] values = new byte[256];
    private int valuesLength;
    private int[] fieldEnds = new int[16];
    private int fields;
    /** Negative when a byte of the record has its high bit set, so its encoding needs checking. */
    private int highBits;

    /**
     * @param in the bytes, from a record boundary on
     * @param firstLine the line number of the first byte
     */
    RecordReader(InputStream in, InputDialect dialect, long firstLine) {
        this.in = in;
        this.dialect = dialect;
        this.framer = new RecordFramer(dialect.format(), dialect.delimiterByte()).startingAt(firstLine);
        this.fieldDelimiter = dialect.format() == InputFormat.CSV ? dialect.delimiterByte() : Integer.MIN_VALUE;
        this.decoder = dialect.encoding().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The next record, or {@code null} at the end of the stream. */
    InputRecord next() throws IOException {
        return frame(true) ? record() : null;
    }

    /** Passes over the next record without making text of it; {@code false} at the end. */
    boolean skip() throws IOException {
        return frame(false);
    }

    private boolean frame(boolean keep) throws IOException {
        startRecord();
        while (true) {
            if (position == limit && !fill()) {
                if (framer.end() == RecordFramer.RECORD_END) {
                    endField();
                    return true;
                }
                return false;
            }
            if (keep) {
                int plainEnd = framer.plainRun(buffer, position, limit);
                if (plainEnd > position) {
                    keepPlain(position, plainEnd);
                    position = plainEnd;
                    continue;
                }
            }
            byte b = buffer[position++];
            switch (framer.accept(b)) {
                case RecordFramer.VALUE -> {
                    if (keep && ++recordBytes <= dialect.maxRecordBytes()) {
                        keepRaw(b);
                        keepValue(b);
                    }
                }
                case RecordFramer.QUOTE -> {
                    if (keep && ++recordBytes <= dialect.maxRecordBytes()) {
                        keepRaw(b);
                    }
                }
                case RecordFramer.FIELD_END -> {
                    if (keep && ++recordBytes <= dialect.maxRecordBytes()) {
                        keepRaw(b);
                        endField();
                    }
                }
                case RecordFramer.RECORD_END -> {
                    endField();
                    return true;
                }
                default -> startRecord();
            }
        }
    }

    private boolean fill() throws IOException {
        int read = in.readNBytes(buffer, 0, buffer.length);
        position = 0;
        limit = read;
        return read > 0;
    }

    private void startRecord() {
        if (raw.length > KEPT_BUFFER) {
            // One long record does not keep its buffers for the rest of the slice.
            raw = new byte[KEPT_BUFFER];
            values = new byte[KEPT_BUFFER];
        }
        rawLength = 0;
        recordBytes = 0;
        valuesLength = 0;
        fields = 0;
        highBits = 0;
    }

    /**
     * Keeps a run of plain bytes (see {@link RecordFramer#plainRun}) as {@link #frame} would keep
     * them one by one through the framer, but in one tight loop: most records are all plain text
     * but their first byte and line end, and the switch per byte cost more than the values.
     */
    private void keepPlain(int from, int to) {
        long allowed = Math.max(0, dialect.maxRecordBytes() - recordBytes);
        int kept = (int) Math.min(to - from, allowed);
        recordBytes += to - from;
        if (kept == 0) {
            return;
        }
        raw = room(raw, rawLength, kept);
        System.arraycopy(buffer, from, raw, rawLength, kept);
        rawLength += kept;
        values = room(values, valuesLength, kept);
        int end = from + kept;
        for (int i = from; i < end; i++) {
            byte b = buffer[i];
            if (b == fieldDelimiter) {
                endField();
            } else {
                values[valuesLength++] = b;
                highBits |= b;
            }
        }
    }

    /**
     * {@code bytes}, or a copy twice as large (or more), with room for {@code more} bytes past
     * {@code length}; never larger than the record limit, which bounds what is kept.
     */
    private byte[] room(byte[] bytes, int length, int more) {
        if (length + more <= bytes.length) {
            return bytes;
        }
        long size = bytes.length;
        while (size < length + more) {
            size = Math.min(size * 2, dialect.maxRecordBytes());
        }
        return Arrays.copyOf(bytes, (int) size);
    }

    private void keepRaw(byte b) {
        raw = room(raw, rawLength, 1);
        raw[rawLength++] = b;
    }

    private void keepValue(byte b) {
        values = room(values, valuesLength, 1);
        values[valuesLength++] = b;
        highBits |= b;
    }

    private void endField() {
        if (fields == fieldEnds.length) {
            fieldEnds = Arrays.copyOf(fieldEnds, fields * 2);
        }
        fieldEnds[fields++] = valuesLength;
    }

    private InputRecord record() {
        long line = framer.recordLine();
        String problem = problem();
        if (problem != null) {
            return InputRecord.malformed(line, shown(), problem);
        }
        if (dialect.format() == InputFormat.JSONL) {
            return InputRecord.json(line, new String(values, 0, valuesLength, dialect.encoding()));
        }
        String[] fieldValues = new String[fields];
        int start = 0;
        for (int i = 0; i < fields; i++) {
            fieldValues[i] = new String(values, start, fieldEnds[i] - start, dialect.encoding());
            start = fieldEnds[i];
        }
        return InputRecord.csv(line, fieldValues);
    }

    private String problem() {
        // Quoting first: a quote that never closes makes the rest of the input one long record.
        if (framer.slip() != null) {
            return "bad quoting: " + framer.slip();
        }
        if (recordBytes > dialect.maxRecordBytes()) {
            return "the record is " + recordBytes + " bytes long, over the limit of " + dialect.maxRecordBytes()
                    + " bytes (--max-record-bytes)";
        }
        if (highBits < 0) {
            int invalid = firstInvalidByte();
            if (invalid >= 0) {
                return "byte 0x" + String.format("%02X", raw[invalid] & 0xff) + " at byte " + (invalid + 1)
                        + " of the record is not valid " + dialect.encoding().name() + "; the record is not altered:"
                        + " convert the file to " + dialect.encoding().name() + ", or name its encoding with --encoding";
            }
        }
        return null;
    }

    /** Where the record's bytes stop being valid text in the encoding, or -1. */
    private int firstInvalidByte() {
        ByteBuffer bytes = ByteBuffer.wrap(raw, 0, rawLength);
        CoderResult result = decoder.reset().decode(bytes, CharBuffer.allocate(rawLength), true);
        return result.isError() ? bytes.position() : -1;
    }

    /** The record as written, its invalid bytes shown as {@code \xNN}; a long one cut short. */
    private String shown() {
        int length = Math.min(rawLength, SHOWN_BYTES);
        ByteBuffer bytes = ByteBuffer.wrap(raw, 0, length);
        CharBuffer text = CharBuffer.allocate(length * 4);
        decoder.reset();
        while (true) {
            CoderResult result = decoder.decode(bytes, text, true);
            if (!result.isError()) {
                break;
            }
            for (int i = 0; i < result.length(); i++) {
                text.put(String.format("\\x%02X", bytes.get() & 0xff));
            }
        }
        text.flip();
        return recordBytes > length ? text + "… (" + recordBytes + " bytes)" : text.toString();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
