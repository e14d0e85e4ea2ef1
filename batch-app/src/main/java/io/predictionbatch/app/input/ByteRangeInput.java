package io.predictionbatch.app.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.io.input.BoundedInputStream;

/** Opens the bytes of one {@link Slice}, after checking the file is the one that was planned. */
final class ByteRangeInput {

    private ByteRangeInput() {
    }

    /**
     * Opens the slice's bytes, from its first record to the end of its last; in a gzip file,
     * decompressed, after passing over the bytes before the slice.
     */
    static InputStream open(Path file, Slice slice) throws IOException {
        ByteRange range = slice.range();
        long expectedSize = slice.fileSize();
        long size = Files.size(file);
        long lastModified = Files.getLastModifiedTime(file).toMillis();
        if (size != expectedSize || lastModified != slice.fileLastModified()) {
            throw new InputChangedException("Input file '" + file + "' changed since the job was planned"
                    + " (size " + expectedSize + " -> " + size + " bytes); start a new job instead of restarting this one");
        }
        InputStream from = InputBytes.open(file).stream();
        try {
            // A plain file seeks; gzip cannot be entered in the middle, so it decompresses up to the slice.
            from.skipNBytes(range.start());
        } catch (IOException | RuntimeException e) {
            from.close();
            throw e;
        }
        return BoundedInputStream.builder()
                .setInputStream(from)
                .setMaxCount(range.length())
                .setPropagateClose(true)
                .get();
    }
}
