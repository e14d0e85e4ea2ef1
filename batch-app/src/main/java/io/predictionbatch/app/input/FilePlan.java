package io.predictionbatch.app.input;

import java.util.List;

/**
 * What a scan of an input file found: its records split into slices for partitions.
 *
 * @param size the file's size in bytes when scanned
 * @param lastModified the file's modification time when scanned (epoch millis), so a restart can
 *     tell the file has not changed under it
 * @param ranges the slices, in file order; together they hold every record of the file
 */
public record FilePlan(long size, long lastModified, List<ByteRange> ranges) {

    public long records() {
        return ranges.stream().mapToLong(ByteRange::records).sum();
    }
}
