package io.predictionbatch.app.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class RangeReadersTest {

    @TempDir
    Path folder;

    private List<InputRecord> readAll(Path file, InputFormat format, int partitions, ExecutionContext context)
            throws Exception {
        return readAll(file, InputDialect.of(format), partitions, context);
    }

    private List<InputRecord> readAll(Path file, InputDialect dialect, int partitions, ExecutionContext context)
            throws Exception {
        FilePlan plan = new RecordBoundaryScanner(dialect).scan(file, partitions);
        List<InputRecord> records = new ArrayList<>();
        for (int i = 0; i < plan.ranges().size(); i++) {
            Slice slice = new Slice(i, plan.ranges().get(i), plan.size(), plan.lastModified());
            SliceReader reader = new SliceReader("reader", file, slice, dialect);
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

    /**
     * The readers split plain text into fields in bulk and quoted text byte by byte: records that mix
     * the two, with fields of every length (across the readers' 64 KiB buffers too), empty fields,
     * quotes, delimiters and line ends inside quotes, CRLF and CR line ends, must read as Commons CSV
     * reads them, whatever the partitions.
     */
    @Test
    void readsMixedPlainAndQuotedRecordsAsCommonsCsvDoes() throws Exception {
        Random random = new Random(8);
        String[] pieces = {"", "5.1", "x", "plain text", "a\"b", "two\nlines", "semi,colon", "\r\n", "caf\u00e9",
            "y".repeat(70_000)};
        StringBuilder text = new StringBuilder("id,a,b,c\n");
        for (int row = 0; row < 3_000; row++) {
            text.append(row);
            for (int field = 0; field < 3; field++) {
                String value = pieces[random.nextInt(row % 500 == 7 ? pieces.length : pieces.length - 1)];
                boolean quoted = value.matches("(?s).*[\",\r\n].*") || random.nextInt(4) == 0;
                text.append(',').append(quoted ? '"' + value.replace("\"", "\"\"") + '"' : value);
            }
            text.append(random.nextInt(5) == 0 ? "\r\n" : random.nextInt(10) == 0 ? "\r" : "\n");
        }
        Path file = Files.writeString(folder.resolve("mixed.csv"), text, StandardCharsets.UTF_8);
        List<List<String>> expected = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text.toString(),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            parser.forEach(record -> expected.add(record.toList()));
        }

        for (int partitions : new int[] {1, 3}) {
            List<InputRecord> records = readAll(file, new InputDialect(InputFormat.CSV, ',', StandardCharsets.UTF_8,
                    1 << 20), partitions, new ExecutionContext());

            assertThat(records).extracting(InputRecord::problem).containsOnlyNulls();
            assertThat(records).extracting(record -> List.of(record.fields())).isEqualTo(expected);
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
            FilePlan plan = new RecordBoundaryScanner(InputDialect.of(InputFormat.JSONL)).scan(file, partitions);
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
        FilePlan plan = new RecordBoundaryScanner(InputDialect.of(InputFormat.CSV)).scan(file, 1);
        Files.writeString(file, "id,a\n1,2\n3,4\n");
        SliceReader reader = new SliceReader("reader", file,
                new Slice(0, plan.ranges().get(0), plan.size(), plan.lastModified()), InputDialect.of(InputFormat.CSV));

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

    @Test
    void rejectsARecordWithAQuotingSlipAndReadsTheNextOnes() throws Exception {
        Path file = Files.writeString(folder.resolve("slip.csv"),
                "id,a\n1,\"6.4\"x\n2,\"6.4\" ,\"b\nc\"\n3,\"ok \"\"quoted\"\"\"\n");

        for (int partitions = 1; partitions <= 3; partitions++) {
            List<InputRecord> records = readAll(file, InputFormat.CSV, partitions, new ExecutionContext());

            assertThat(records).extracting(InputRecord::line).containsExactly(2L, 3L, 5L);
            assertThat(records.get(0).problem()).contains("text after a closing quote ('x' on line 2)");
            assertThat(records.get(0).text()).isEqualTo("1,\"6.4\"x");
            assertThat(records.get(1).problem()).contains("(' ' on line 3)");
            assertThat(records.get(1).text()).isEqualTo("2,\"6.4\" ,\"b\nc\"");
            assertThat(records.get(2).problem()).isNull();
            assertThat(records.get(2).fields()).containsExactly("3", "ok \"quoted\"");
        }
    }

    @Test
    void rejectsARecordLongerThanTheLimitWithoutKeepingIt() throws Exception {
        String huge = "x".repeat(100_000);
        Path csv = Files.writeString(folder.resolve("long.csv"), "id,a\n1," + huge + "\n2,short\n");
        Path jsonLines = Files.writeString(folder.resolve("long.jsonl"), "{\"a\":\"" + huge + "\"}\n{\"a\":1}\n");

        for (Path file : List.of(csv, jsonLines)) {
            InputFormat format = InputFormat.fromExtension(file).orElseThrow();
            List<InputRecord> records = readAll(file,
                    new InputDialect(format, ',', StandardCharsets.UTF_8, 1000), 1, new ExecutionContext());

            assertThat(records).hasSize(2);
            assertThat(records.get(0).problem()).isEqualTo("the record is " + (file == csv ? 100_002 : 100_008)
                    + " bytes long, over the limit of 1000 bytes (--max-record-bytes)");
            assertThat(records.get(0).text()).hasSizeLessThan(1100).endsWith(" bytes)");
            assertThat(records.get(1).problem()).isNull();
        }
    }

    @Test
    void keepsARecordOfExactlyTheLimitAndRejectsOneOfABytesMore() throws Exception {
        Path csv = Files.writeString(folder.resolve("edge.csv"), "id,a\n1," + "x".repeat(998) + "\n2,"
                + "y".repeat(999) + "\n3,\"" + "z".repeat(997) + "\"\n");

        List<InputRecord> records = readAll(csv, new InputDialect(InputFormat.CSV, ',', StandardCharsets.UTF_8, 1000),
                1, new ExecutionContext());

        assertThat(records.get(0).problem()).isNull();
        assertThat(records.get(0).fields()).containsExactly("1", "x".repeat(998));
        assertThat(records.get(1).problem())
                .isEqualTo("the record is 1001 bytes long, over the limit of 1000 bytes (--max-record-bytes)");
        assertThat(records.get(2).problem()).as("its quotes count").isNotNull();
    }

    @Test
    void rejectsInvalidBytesNamingThemAndReadsThemInTheEncodingNamed() throws Exception {
        Path file = folder.resolve("latin1.csv");
        Files.write(file, "id,a\nCaf\u00e9,1\nplain,2\n".getBytes(StandardCharsets.ISO_8859_1));

        List<InputRecord> asUtf8 = readAll(file, InputFormat.CSV, 1, new ExecutionContext());
        List<InputRecord> asLatin1 = readAll(file,
                new InputDialect(InputFormat.CSV, ',', StandardCharsets.ISO_8859_1, 1000), 1, new ExecutionContext());

        assertThat(asUtf8.get(0).problem()).startsWith("byte 0xE9 at byte 4 of the record is not valid UTF-8");
        assertThat(asUtf8.get(0).text()).isEqualTo("Caf\\xE9,1");
        assertThat(asUtf8.get(1).fields()).containsExactly("plain", "2");
        assertThat(asLatin1.get(0).fields()).containsExactly("Caf\u00e9", "1");
    }

    @Test
    void readsTheDelimiterNamed() throws Exception {
        Path file = Files.writeString(folder.resolve("semi.csv"), "id;a\r\n1;\"x;y\"\r\n2;3\r\n");

        for (int partitions = 1; partitions <= 2; partitions++) {
            List<InputRecord> records = readAll(file,
                    new InputDialect(InputFormat.CSV, ';', StandardCharsets.UTF_8, 1000), partitions,
                    new ExecutionContext());

            assertThat(records).extracting(InputRecord::line).containsExactly(2L, 3L);
            assertThat(records.get(0).fields()).containsExactly("1", "x;y");
            assertThat(records.get(1).fields()).containsExactly("2", "3");
        }
    }

    @Test
    void rejectsARecordCutOffInsideQuotesAtTheEndOfItsSlice() throws Exception {
        Path file = Files.writeString(folder.resolve("open.csv"), "id,a\n1,2\n2,\"open\n");
        Slice slice = new Slice(0, new ByteRange(5, Files.size(file), 2, 2), Files.size(file),
                Files.getLastModifiedTime(file).toMillis());
        SliceReader reader = new SliceReader("reader", file, slice, InputDialect.of(InputFormat.CSV));
        reader.open(new ExecutionContext());

        assertThat(reader.read().fields()).containsExactly("1", "2");
        assertThat(reader.read().problem()).contains("a quoted field opens on line 3 and never closes");
        assertThat(reader.read()).isNull();
        reader.close();
    }

    @Test
    void readsAGzipFileIntoTheSameRecordsAsItsPlainTextWhateverThePartitions() throws Exception {
        StringBuilder text = new StringBuilder("id,comment\n");
        for (int i = 0; i < 20_000; i++) {
            text.append(i).append(i % 7 == 0 ? ",\"two\nlines\"\n" : ",plain\n");
        }
        Path plain = Files.writeString(folder.resolve("big.csv"), text);
        Path gzip = folder.resolve("big.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzip))) {
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        }
        List<InputRecord> expected = readAll(plain, InputFormat.CSV, 1, new ExecutionContext());

        for (int partitions = 1; partitions <= 4; partitions++) {
            FilePlan plan = new RecordBoundaryScanner(InputDialect.of(InputFormat.CSV)).scan(gzip, partitions);
            List<InputRecord> records = readAll(gzip, InputFormat.CSV, partitions, new ExecutionContext());

            assertThat(plan.ranges()).hasSize(partitions);
            assertThat(plan.size()).isEqualTo(Files.size(gzip));
            assertThat(records).hasSize(20_000);
            assertThat(records).extracting(InputRecord::line)
                    .containsExactlyElementsOf(expected.stream().map(InputRecord::line).toList());
            assertThat(records.get(7).fields()).containsExactly("7", "two\nlines");
        }
        ExecutionContext resumed = new ExecutionContext();
        resumed.putInt("reader.read.count", 19_998);
        assertThat(readAll(gzip, InputFormat.CSV, 1, resumed)).extracting(record -> record.fields()[0])
                .containsExactly("19998", "19999");
    }
}
