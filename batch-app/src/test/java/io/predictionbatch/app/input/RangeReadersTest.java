package io.predictionbatch.app.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

class RangeReadersTest {

    @TempDir
    Path folder;

    private List<InputRecord> readAll(Path file, InputFormat format, int partitions, ExecutionContext context)
            throws Exception {
        FilePlan plan = new RecordBoundaryScanner(format).scan(file, partitions);
        List<InputRecord> records = new ArrayList<>();
        for (int i = 0; i < plan.ranges().size(); i++) {
            Slice slice = new Slice(i, plan.ranges().get(i), plan.size(), plan.lastModified());
            AbstractItemCountingItemStreamItemReader<InputRecord> reader = format == InputFormat.CSV
                    ? new CsvRangeReader("reader", file, slice)
                    : new JsonLinesRangeReader("reader", file, slice);
            reader.open(context);
            for (InputRecord record; (record = reader.read()) != null; ) {
                records.add(record);
            }
            reader.close();
        }
        return records;
    }

    @Test
    void givesEachCsvRecordTheLineItStartsOnAcrossPartitions() throws Exception {
        Path file = Files.writeString(folder.resolve("q.csv"),
                "id,comment,a\n1,plain,1.0\n\n2,\"two\nlines\",2.0\n3,\"three\r\nlines\nhere\",3.0\n4,last,4.0",
                StandardCharsets.UTF_8);

        for (int partitions = 1; partitions <= 4; partitions++) {
            List<InputRecord> records = readAll(file, InputFormat.CSV, partitions, new ExecutionContext());

            assertThat(records).extracting(InputRecord::line).containsExactly(2L, 4L, 6L, 9L);
            assertThat(records.get(1).fields()).containsExactly("2", "two\nlines", "2.0");
            assertThat(records.get(3).fields()).containsExactly("4", "last", "4.0");
        }
    }

    @Test
    void readsTheSampleFileWithQuotedNewlinesIntoTheSameRecordsWhateverThePartitions() throws Exception {
        Path file = Path.of("../sample-data/bad/quoted-newline.csv");
        List<InputRecord> single = readAll(file, InputFormat.CSV, 1, new ExecutionContext());

        List<InputRecord> split = readAll(file, InputFormat.CSV, 6, new ExecutionContext());

        assertThat(single).hasSize(20);
        assertThat(split).extracting(InputRecord::line).containsExactlyElementsOf(
                single.stream().map(InputRecord::line).toList());
    }

    @Test
    void numbersJsonLinesCountingBlankLines() throws Exception {
        Path file = Files.writeString(folder.resolve("r.jsonl"), "{\"a\":1}\n\n{\"a\":2}\n  \n{\"a\":3}");

        List<InputRecord> records = readAll(file, InputFormat.JSONL, 2, new ExecutionContext());

        assertThat(records).extracting(InputRecord::line).containsExactly(1L, 3L, 5L);
        assertThat(records.get(2).text()).isEqualTo("{\"a\":3}");
    }

    @Test
    void aJsonLinesLineOfOtherWhitespaceIsARecordForThePlanAndTheReaderAlike() throws Exception {
        // Form feed, vertical tab, a separator control, the ideographic space: none is JSON whitespace.
        Path file = Files.writeString(folder.resolve("w.jsonl"),
                "{\"a\":1}\n\f\n\u000B\n\u001C\n\u3000\n \t \n{\"a\":2}\n", StandardCharsets.UTF_8);

        for (int partitions = 1; partitions <= 3; partitions++) {
            FilePlan plan = new RecordBoundaryScanner(InputFormat.JSONL).scan(file, partitions);
            List<InputRecord> records = readAll(file, InputFormat.JSONL, partitions, new ExecutionContext());

            assertThat(records).extracting(InputRecord::line).containsExactly(1L, 2L, 3L, 4L, 5L, 7L);
            assertThat(plan.ranges().stream().mapToLong(ByteRange::records).sum()).isEqualTo(records.size());
        }
    }

    @Test
    void aByteOrderMarkIsNoPartOfTheFirstRecord() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Path jsonLines = folder.resolve("bom.jsonl");
        Files.write(jsonLines, bom);
        Files.writeString(jsonLines, "{\"a\":1}\n{\"a\":2}\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Path csv = folder.resolve("bom.csv");
        Files.write(csv, bom);
        Files.writeString(csv, "id,a\n1,2\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        List<InputRecord> lines = readAll(jsonLines, InputFormat.JSONL, 2, new ExecutionContext());
        List<InputRecord> rows = readAll(csv, InputFormat.CSV, 1, new ExecutionContext());

        assertThat(lines).extracting(InputRecord::text).containsExactly("{\"a\":1}", "{\"a\":2}");
        assertThat(lines).extracting(InputRecord::line).containsExactly(1L, 2L);
        assertThat(rows).singleElement().satisfies(row -> assertThat(row.fields()).containsExactly("1", "2"));
    }

    @Test
    void refusesToReadAFileThatChangedSinceItWasPlanned() throws Exception {
        Path file = Files.writeString(folder.resolve("c.csv"), "id,a\n1,2\n");
        FilePlan plan = new RecordBoundaryScanner(InputFormat.CSV).scan(file, 1);
        Files.writeString(file, "id,a\n1,2\n3,4\n");
        CsvRangeReader reader = new CsvRangeReader("reader", file,
                new Slice(0, plan.ranges().get(0), plan.size(), plan.lastModified()));

        assertThatThrownBy(() -> reader.open(new ExecutionContext()))
                .hasRootCauseInstanceOf(InvalidInputException.class)
                .rootCause().hasMessageContaining("changed since the job was planned");
    }

    @Test
    void resumesAfterTheRecordsARestartedPartitionHadCommitted() throws Exception {
        Path file = Files.writeString(folder.resolve("r.csv"), "id\n1\n2\n3\n4\n5\n");
        ExecutionContext saved = new ExecutionContext();
        saved.putInt("reader.read.count", 3);

        List<InputRecord> records = readAll(file, InputFormat.CSV, 1, saved);

        assertThat(records).extracting(record -> record.fields()[0]).containsExactly("4", "5");
    }
}
