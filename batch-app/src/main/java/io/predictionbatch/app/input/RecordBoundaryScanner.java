package io.predictionbatch.app.input;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits an input file into slices of whole records in one sequential pass over its bytes.
 *
 * <p>A slice cannot simply start at the first newline after a byte offset: a CSV field in quotes
 * may hold newlines, and only a reader that has followed the quotes from the start of the file
 * knows whether a newline ends a record. So the scanner frames the file from byte 0 with the
 * {@link RecordFramer} the readers use, counts lines and records, and cuts at the first record
 * boundary past each target size. The pass also finds the one structural error that leaves no
 * record end, a quote that never closes, before any partition starts, with its line. It reads
 * about a gigabyte a second: a small cost beside scoring the records.
 *
 * <p>A UTF-8 byte order mark at the start of the file is skipped. A gzip file is planned on its
 * decompressed bytes, cut where the compressed bytes read reach each target (see {@link InputBytes}).
 */
public final class RecordBoundaryScanner {

    private static final int BUFFER_SIZE = 1 << 16;
    private static final byte[] UTF8_BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final InputDialect dialect;

    public RecordBoundaryScanner(InputDialect dialect) {
        this.dialect = dialect;
    }

    /**
     * Scans {@code file} into at most {@code partitions} slices of roughly equal size, skipping
     * the CSV header. Always returns at least one slice, possibly empty.
     */
    public FilePlan scan(Path file, int partitions) {
        try (InputBytes bytes = InputBytes.open(file)) {
            long size = Files.size(file);
            long lastModified = Files.getLastModifiedTime(file).toMillis();
            return new FilePlan(size, lastModified, new Pass(file, size, partitions).run(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read input file '" + file + "': " + e.getMessage(), e);
        }
    }

    private static boolean startsWithByteOrderMark(byte[] bytes, int length) {
        int mark = UTF8_BYTE_ORDER_MARK.length;
        return length >= mark && Arrays.equals(bytes, 0, mark, UTF8_BYTE_ORDER_MARK, 0, mark);
    }

    /** One scan's mutable state. */
    private final class Pass {
        private final Path file;
        private final long size;
        private final int partitions;
        private final List<ByteRange> ranges = new ArrayList<>();
        private final RecordFramer framer = new RecordFramer(dialect.format(), dialect.delimiterByte());

        private boolean headerPending = dialect.format() == InputFormat.CSV;
        private byte previous;
        private long rangeStart;
        private long rangeFirstLine = 1;
        private long rangeRecords;
        private long target;
        private InputBytes input;

        Pass(Path file, long size, int partitions) {
            this.file = file;
            this.size = size;
            this.partitions = Math.max(1, partitions);
        }

        List<ByteRange> run(InputBytes input) throws IOException {
            this.input = input;
            byte[] bytes = new byte[BUFFER_SIZE];
            long position = 0;
            target = targetAfter(0);
            for (int limit; (limit = input.stream().readNBytes(bytes, 0, bytes.length)) > 0; position += limit) {
                int from = 0;
                if (position == 0 && startsWithByteOrderMark(bytes, limit)) {
                    // Not part of the first record (nor of a CSV header): the first slice starts after it.
                    from = UTF8_BYTE_ORDER_MARK.length;
                    rangeStart = from;
                    target = targetAfter(from);
                }
                for (int i = from; i < limit; ) {
                    int plainEnd = framer.plainRun(bytes, i, limit);
                    if (plainEnd > i) {
                        previous = bytes[plainEnd - 1];
                        i = plainEnd;
                    } else {
                        accept(bytes[i], position + i);
                        i++;
                    }
                }
            }
            finish(position);
            return ranges;
        }

        private void accept(byte b, long offset) {
            int event = framer.accept(b);
            if (event == RecordFramer.RECORD_END) {
                endRecord(offset + 1);
            } else if (event == RecordFramer.NO_RECORD && b == '\n' && previous == '\r' && rangeStart == offset) {
                // The LF of a CRLF whose CR ended the record before a cut: the slice starts after it.
                rangeStart = offset + 1;
            }
            previous = b;
        }

        /** A record ends just before {@code end}. */
        private void endRecord(long end) {
            if (headerPending) {
                headerPending = false;
                rangeStart = end;
                rangeFirstLine = framer.line();
                target = targetAfter(input.fileOffset(rangeStart));
            } else {
                rangeRecords++;
                if (input.fileOffset(end) >= target && ranges.size() < partitions - 1) {
                    cut(end);
                }
            }
        }

        private void cut(long end) {
            ranges.add(new ByteRange(rangeStart, end, rangeFirstLine, rangeRecords));
            rangeStart = end;
            rangeFirstLine = framer.line();
            rangeRecords = 0;
            target = targetAfter(input.fileOffset(end));
        }

        /**
         * Slices split what is left of the file evenly, so the last slice is not a remainder;
         * {@code start} and the target are offsets in the file (compressed, for gzip).
         */
        private long targetAfter(long start) {
            long remainingSlices = partitions - ranges.size();
            return start + Math.max(1, (size - start) / remainingSlices);
        }

        private void finish(long end) {
            if (framer.insideQuotes()) {
                throw new InvalidInputException("'" + file + "' line " + framer.quoteOpenedLine() + ": a quoted field"
                        + " opens here and never closes (a missing closing quote?), so no record after it can be told"
                        + " apart");
            }
            if (framer.end() == RecordFramer.RECORD_END) {
                if (headerPending) {
                    headerPending = false;
                    rangeStart = end;
                } else {
                    rangeRecords++;
                }
            }
            if (rangeRecords > 0 || ranges.isEmpty()) {
                ranges.add(new ByteRange(rangeStart, end, rangeFirstLine, rangeRecords));
            } else if (rangeStart < end) {
                // Trailing blank lines: they belong to the last slice, holding no record.
                ByteRange last = ranges.remove(ranges.size() - 1);
                ranges.add(new ByteRange(last.start(), end, last.firstLine(), last.records()));
            }
        }
    }
}
