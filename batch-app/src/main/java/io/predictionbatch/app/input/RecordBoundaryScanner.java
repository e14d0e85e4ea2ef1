package io.predictionbatch.app.input;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits an input file into slices of whole records in one sequential pass over its bytes.
 *
 * <p>A slice cannot simply start at the first newline after a byte offset: a CSV field in quotes
 * may hold newlines, and only a reader that has followed the quotes from the start of the file
 * knows whether a newline ends a record. So the scanner follows RFC 4180 quoting from byte 0
 * (as Commons CSV parses it: a quote opens a field only at the field's start, {@code ""} inside
 * quotes is a quote), counts lines and records, and cuts at the first record boundary past each
 * target size. The pass also finds structural errors (a quote that never closes, text after a
 * closing quote) before any partition starts, with the line to look at. It reads about a
 * gigabyte a second: a small cost beside scoring the records.
 *
 * <p>Line ends are LF, CRLF or a lone CR, as Commons CSV and {@code BufferedReader} read them.
 * Empty lines (and, in JSON Lines, {@linkplain BlankLines blank lines}) are not records. A UTF-8
 * byte order mark at the start of the file is skipped.
 */
public final class RecordBoundaryScanner {

    private static final int BUFFER_SIZE = 1 << 20;
    private static final byte[] UTF8_BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final InputFormat format;

    public RecordBoundaryScanner(InputFormat format) {
        this.format = format;
    }

    /**
     * Scans {@code file} into at most {@code partitions} slices of roughly equal size, skipping
     * the CSV header. Always returns at least one slice, possibly empty.
     */
    public FilePlan scan(Path file, int partitions) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            long lastModified = Files.getLastModifiedTime(file).toMillis();
            return new FilePlan(size, lastModified, new Pass(size, partitions).run(channel));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read input file '" + file + "': " + e.getMessage(), e);
        }
    }

    private static boolean startsWithByteOrderMark(byte[] bytes, int length) {
        int mark = UTF8_BYTE_ORDER_MARK.length;
        return length >= mark && Arrays.equals(bytes, 0, mark, UTF8_BYTE_ORDER_MARK, 0, mark);
    }

    private enum State { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

    /** One scan's mutable state. */
    private final class Pass {
        private final long size;
        private final int partitions;
        private final List<ByteRange> ranges = new ArrayList<>();
        private final boolean csv = format == InputFormat.CSV;

        private State state = State.FIELD_START;
        private boolean headerPending = csv;
        private boolean recordHasContent;
        private boolean previousWasCr;
        private long line = 1;
        private long recordStartLine = 1;
        private long quoteOpenedLine;
        private long rangeStart;
        private long rangeFirstLine = 1;
        private long rangeRecords;
        private long target;

        Pass(long size, int partitions) {
            this.size = size;
            this.partitions = Math.max(1, partitions);
        }

        List<ByteRange> run(FileChannel channel) throws IOException {
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE);
            long position = 0;
            target = targetAfter(0);
            while (channel.read(buffer) > 0) {
                buffer.flip();
                byte[] bytes = buffer.array();
                int limit = buffer.limit();
                int from = 0;
                if (position == 0 && startsWithByteOrderMark(bytes, limit)) {
                    // Not part of the first record (nor of a CSV header): the first slice starts after it.
                    from = UTF8_BYTE_ORDER_MARK.length;
                    rangeStart = from;
                    target = targetAfter(from);
                }
                for (int i = from; i < limit; i++) {
                    accept(bytes[i], position + i);
                }
                position += limit;
                buffer.clear();
            }
            finish(position);
            return ranges;
        }

        private void accept(byte b, long offset) {
            if (b == '\n' && previousWasCr) {
                // The LF of a CRLF: the line already ended at the CR; move a cut made there past it.
                previousWasCr = false;
                if (rangeStart == offset) {
                    rangeStart = offset + 1;
                }
                return;
            }
            previousWasCr = b == '\r';
            boolean lineEnd = b == '\n' || b == '\r';
            if (csv) {
                acceptCsv(b, lineEnd, offset);
            } else if (lineEnd) {
                endLine(offset);
            } else if (!BlankLines.isBlank(b)) {
                recordHasContent = true;
            }
        }

        private void acceptCsv(byte b, boolean lineEnd, long offset) {
            switch (state) {
                case QUOTED -> {
                    if (b == '"') {
                        state = State.QUOTE_IN_QUOTED;
                    } else if (lineEnd) {
                        line++;
                    }
                }
                case QUOTE_IN_QUOTED -> {
                    if (b == '"') {
                        state = State.QUOTED;
                    } else if (b == ',') {
                        state = State.FIELD_START;
                    } else if (lineEnd) {
                        endLine(offset);
                    } else {
                        throw new InvalidInputException("Line " + line + ": unexpected character '" + (char) b
                                + "' after a closing quote; a quoted field must end at a comma or the end of the line"
                                + " (write a quote inside a quoted field as \"\")");
                    }
                }
                case FIELD_START, UNQUOTED -> {
                    if (lineEnd) {
                        endLine(offset);
                    } else {
                        recordHasContent = true;
                        if (b == ',') {
                            state = State.FIELD_START;
                        } else if (b == '"' && state == State.FIELD_START) {
                            state = State.QUOTED;
                            quoteOpenedLine = line;
                        } else {
                            state = State.UNQUOTED;
                        }
                    }
                }
            }
        }

        /** A line ends outside quotes at {@code offset}: a record ends if the line had any. */
        private void endLine(long offset) {
            line++;
            state = State.FIELD_START;
            if (!recordHasContent) {
                recordStartLine = line;
                return;
            }
            recordHasContent = false;
            if (headerPending) {
                headerPending = false;
                rangeStart = offset + 1;
                rangeFirstLine = line;
                target = targetAfter(rangeStart);
            } else {
                rangeRecords++;
                if (offset + 1 >= target && ranges.size() < partitions - 1) {
                    cut(offset + 1);
                }
            }
            recordStartLine = line;
        }

        private void cut(long end) {
            ranges.add(new ByteRange(rangeStart, end, rangeFirstLine, rangeRecords));
            rangeStart = end;
            rangeFirstLine = line;
            rangeRecords = 0;
            target = targetAfter(end);
        }

        /** Slices split what is left evenly, so the last slice is not a remainder. */
        private long targetAfter(long start) {
            long remainingSlices = partitions - ranges.size();
            return start + Math.max(1, (size - start) / remainingSlices);
        }

        private void finish(long end) {
            if (state == State.QUOTED) {
                throw new InvalidInputException("Line " + quoteOpenedLine
                        + ": a quoted field opens here and never closes (a missing closing quote?)");
            }
            if (recordHasContent) {
                if (headerPending) {
                    headerPending = false;
                    rangeStart = end;
                } else {
                    rangeRecords++;
                }
            }
            if (rangeRecords > 0 || ranges.isEmpty()) {
                ranges.add(new ByteRange(Math.min(rangeStart, end), end, rangeFirstLine, rangeRecords));
            } else if (rangeStart < end) {
                // Trailing blank lines: they belong to the last slice, holding no record.
                ByteRange last = ranges.remove(ranges.size() - 1);
                ranges.add(new ByteRange(last.start(), end, last.firstLine(), last.records()));
            }
        }
    }
}
