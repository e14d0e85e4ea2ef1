package io.predictionbatch.app.input;

/**
 * A slice of an input file holding whole records: it starts at a record boundary and ends at
 * one, so a reader can seek to {@code start} and stop at {@code end} without seeing any other
 * slice.
 *
 * @param start offset of the slice's first byte
 * @param end offset just past the slice's last byte
 * @param firstLine line number of the slice's first byte (1-based)
 * @param records number of records in the slice
 */
public record ByteRange(long start, long end, long firstLine, long records) {

    public long length() {
        return end - start;
    }
}
