package io.predictionbatch.app.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordBoundaryScannerTest {

    @TempDir
    Path folder;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static String csvRows(int rows) {
        StringBuilder text = new StringBuilder("id,a,b\n");
        for (int i = 1; i <= rows; i++) {
            text.append(i).append(",1.5,2.5\n");
        }
        return text.toString();
    }

    @Test
    void splitsCsvIntoContiguousRangesOfWholeRecordsAfterTheHeader() throws IOException {
        Path file = write("rows.csv", csvRows(1000));
        byte[] bytes = Files.readAllBytes(file);

        FilePlan plan = new RecordBoundaryScanner(InputDialect.of(InputFormat.CSV)).scan(file, 4);

        List<ByteRange> ranges = plan.ranges();
        assertThat(ranges).hasSize(4);
        assertThat(ranges.get(0).start()).isEqualTo("id,a,b\n".length());
        assertThat(ranges.get(0).firstLine()).isEqualTo(2);
        assertThat(ranges.get(3).end()).isEqualTo(bytes.length);
        for (int i = 1; i < ranges.size(); i++) {
            assertThat(ranges.get(i).start()).isEqualTo(ranges.get(i - 1).end());
            assertThat(bytes[(int) ranges.get(i).start() - 1]).isEqualTo((byte) '\n');
            assertThat(ranges.get(i).firstLine()).isEqualTo(ranges.get(i - 1).firstLine() + ranges.get(i - 1).records());
        }
        assertThat(plan.records()).isEqualTo(1000);
        assertThat(ranges).allSatisfy(range -> assertThat(range.records()).isBetween(200L, 300L));
    }

    @Test
    void neverCutsInsideAQuotedFieldThatHoldsNewlines() throws IOException {
        StringBuilder text = new StringBuilder("id,comment,a\n");
        for (int i = 1; i <= 200; i++) {
            text.append(i).append(",\"line one\nline two, \"\"quoted\"\"\n").append(i).append(",fake,record\",1.0\n");
        }
        Path file = write("quoted.csv", text.toString());

        FilePlan plan = new RecordBoundaryScanner(InputDialect.of(InputFormat.CSV)).scan(file, 7);

        assertThat(plan.records()).isEqualTo(200);
        for (ByteRange range : plan.ranges()) {
            // Each record spans three lines, so every range starts on line 2 + 3k.
            assertThat((range.firstLine() - 2) % 3).isZero();
        }
    }

    @Test
    void countsEmptyLinesAsLinesButNotAsRecords() throws IOException {
        Path file = write("blank.csv", "id,a\n\n1,2\n\n\n2,3\n");

        FilePlan plan = new RecordBoundaryScanner(InputDialect.of(InputFormat.CSV)).scan(file, 1);

        assertThat(plan.records()).isEqualTo(2);
        assertThat(plan.ranges().get(0).firstLine()).isEqualTo(2);
    }

    @Test
    void readsCrLfLineEndsAndALastRecordWithoutNewline() throws IOException {
        Path file = write("crlf.csv", "id,a\r\n1,2\r\n2,3\r\n3,4");

        FilePlan plan = new RecordBoundaryScanner(InputDialect.of(InputFormat.CSV)).scan(file, 2);

        assertThat(plan.records()).isEqualTo(3);
        assertThat(plan.ranges().get(0).start()).isEqualTo(6);
        assertThat(plan.ranges().get(plan.ranges().size() - 1).end()).isEqualTo(Files.size(file));
        if (plan.ranges().size() == 2) {
            assertThat(Files.readString(file).charAt((int) plan.ranges().get(1).start() - 1)).isEqualTo('\n');
        }
    }

    @Test
    void reportsAQuoteThatNeverClosesWithItsLine() throws IOException {
        Path file = write("open.csv", "id,comment\n1,fine\n2,\"never closed\n3,more\n");

        assertThatThrownBy(() -> new RecordBoundaryScanner(InputDialect.of(InputFormat.CSV)).scan(file, 2))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("open.csv' line 3")
                .hasMessageContaining("never closes");
    }

    @Test
    void endsARecordWithAQuotingSlipAtItsLineEndForItsReaderToReject() throws IOException {
        Path file = write("garbage.csv", "id,comment\n1,\"quoted\"tail\n2,\"a\" ,\"b\nc\"\n3,fine\n");

        FilePlan plan = new RecordBoundaryScanner(InputDialect.of(InputFormat.CSV)).scan(file, 1);

        assertThat(plan.records()).isEqualTo(3);
    }

    @Test
    void givesAHeaderOnlyFileOneEmptyRange() throws IOException {
        Path file = write("header.csv", "id,a,b\n");

        FilePlan plan = new RecordBoundaryScanner(InputDialect.of(InputFormat.CSV)).scan(file, 4);

        assertThat(plan.ranges()).hasSize(1);
        assertThat(plan.records()).isZero();
    }

    @Test
    void splitsJsonLinesOnLinesAndSkipsBlankOnes() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 100; i++) {
            text.append("{\"id\":").append(i).append(",\"text\":\"a \\\"quote\\\" and a comma,\"}\n");
            if (i % 10 == 0) {
                text.append("   \n");
            }
        }
        Path file = write("rows.jsonl", text.toString());

        FilePlan plan = new RecordBoundaryScanner(InputDialect.of(InputFormat.JSONL)).scan(file, 3);

        assertThat(plan.records()).isEqualTo(100);
        assertThat(plan.ranges()).hasSize(3);
        assertThat(plan.ranges().get(0).start()).isZero();
        assertThat(plan.ranges().get(0).firstLine()).isEqualTo(1);
    }
}
