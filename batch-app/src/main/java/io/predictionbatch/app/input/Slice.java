package io.predictionbatch.app.input;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The part of an input file one partition reads, with what the file looked like when it was
 * planned. It travels in the partition's execution context, so a restarted or remote partition
 * reads exactly the records it was given.
 *
 * @param index the partition's position in the file, from 0
 * @param range the bytes and records of the slice
 * @param fileSize the file's size when planned
 * @param fileLastModified the file's modification time when planned (epoch millis)
 */
public record Slice(int index, ByteRange range, long fileSize, long fileLastModified) {

    private static final String PREFIX = "slice.";

    public void writeTo(ExecutionContext context) {
        context.putInt(PREFIX + "index", index);
        context.putLong(PREFIX + "start", range.start());
        context.putLong(PREFIX + "end", range.end());
        context.putLong(PREFIX + "firstLine", range.firstLine());
        context.putLong(PREFIX + "records", range.records());
        context.putLong(PREFIX + "fileSize", fileSize);
        context.putLong(PREFIX + "fileLastModified", fileLastModified);
    }

    /** Whether the context is a partition's, holding its slice. */
    public static boolean isIn(ExecutionContext context) {
        return context.containsKey(PREFIX + "index");
    }

    public static Slice readFrom(ExecutionContext context) {
        return new Slice(context.getInt(PREFIX + "index"),
                new ByteRange(context.getLong(PREFIX + "start"), context.getLong(PREFIX + "end"),
                        context.getLong(PREFIX + "firstLine"), context.getLong(PREFIX + "records")),
                context.getLong(PREFIX + "fileSize"), context.getLong(PREFIX + "fileLastModified"));
    }
}
