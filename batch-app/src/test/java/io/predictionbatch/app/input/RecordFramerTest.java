package io.predictionbatch.app.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class RecordFramerTest {

    /** Bytes that matter to framing, and some that do not (a UTF-8 lead byte, spaces, braces). */
    private static final byte[] ALPHABET = {'a', '7', ',', ';', '"', '"', '\n', '\r', ' ', '\t', '{', '}', (byte) 0xC3};

    /** What framing made of a file: each byte's event, and each record's first line and quoting slip. */
    private record Framing(List<Integer> events, List<String> records, long line, boolean insideQuotes) {
    }

    @Test
    void takingPlainRunsInBulkFramesEveryFileAsTakingEachByteDoes() {
        SplittableRandom random = new SplittableRandom(11);
        for (int file = 0; file < 20_000; file++) {
            byte[] bytes = new byte[random.nextInt(0, 40)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = ALPHABET[random.nextInt(ALPHABET.length)];
            }
            InputFormat format = file % 3 == 0 ? InputFormat.JSONL : InputFormat.CSV;
            // Buffer ends at random places, as a reader's refills fall.
            int buffer = random.nextInt(1, 12);
            assertThat(inRuns(bytes, format, buffer))
                    .as("%s %s, buffer %d", format, new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)
                            .replace("\n", "\\n").replace("\r", "\\r"), buffer)
                    .isEqualTo(byteByByte(bytes, format));
        }
    }

    @Test
    void takesNoRunBeforeARecordStartsNorInsideQuotes() {
        RecordFramer framer = new RecordFramer(InputFormat.CSV, (byte) ',');
        byte[] bytes = "ab,\"c d\"\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        assertThat(framer.plainRun(bytes, 0, bytes.length)).as("no record under way yet").isZero();
        assertThat(framer.accept(bytes[0])).isEqualTo(RecordFramer.VALUE);
        assertThat(framer.plainRun(bytes, 1, bytes.length)).as("across the delimiter, up to the quote").isEqualTo(3);
        assertThat(framer.accept(bytes[3])).as("a quote at a field's start opens it").isEqualTo(RecordFramer.QUOTE);
        assertThat(framer.plainRun(bytes, 4, bytes.length)).as("inside quotes").isEqualTo(4);
    }

    private static Framing byteByByte(byte[] bytes, InputFormat format) {
        RecordFramer framer = new RecordFramer(format, (byte) ',');
        List<Integer> events = new ArrayList<>();
        List<String> records = new ArrayList<>();
        for (byte b : bytes) {
            events.add(framer.accept(b));
            noteRecord(framer, events, records);
        }
        return end(framer, events, records);
    }

    private static Framing inRuns(byte[] bytes, InputFormat format, int buffer) {
        RecordFramer framer = new RecordFramer(format, (byte) ',');
        List<Integer> events = new ArrayList<>();
        List<String> records = new ArrayList<>();
        int i = 0;
        while (i < bytes.length) {
            int limit = Math.min(bytes.length, (i / buffer + 1) * buffer);
            int end = framer.plainRun(bytes, i, limit);
            for (int k = i; k < end; k++) {
                boolean fieldEnd = format == InputFormat.CSV && bytes[k] == ',';
                events.add(fieldEnd ? RecordFramer.FIELD_END : RecordFramer.VALUE);
            }
            if (end > i) {
                i = end;
            } else {
                events.add(framer.accept(bytes[i++]));
                noteRecord(framer, events, records);
            }
        }
        return end(framer, events, records);
    }

    private static void noteRecord(RecordFramer framer, List<Integer> events, List<String> records) {
        if (events.get(events.size() - 1) == RecordFramer.RECORD_END) {
            records.add(framer.recordLine() + ": " + framer.slip());
        }
    }

    private static Framing end(RecordFramer framer, List<Integer> events, List<String> records) {
        boolean insideQuotes = framer.insideQuotes();
        events.add(framer.end());
        noteRecord(framer, events, records);
        return new Framing(events, records, framer.line(), insideQuotes);
    }
}
