package io.predictionbatch.app.input;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.apache.commons.io.input.BoundedInputStream;

/** Opens the bytes of one {@link Slice}, after checking the file is the one that was planned. */
public final class ByteRangeInput {

    private static final byte[] LINE_END = {'\n'};

    private ByteRangeInput() {
    }

    /** The slice's text (UTF-8), buffered, as both range readers read it. */
    public static BufferedReader reader(Path file, Slice slice) throws IOException {
        return new BufferedReader(new InputStreamReader(open(file, slice), StandardCharsets.UTF_8), 1 << 16);
    }

    /**
     * Opens the range, ending it with a line end: a reader then sees every record, the last one of
     * a file without a final newline included, end the same way. An extra empty line is no record.
     */
    public static InputStream open(Path file, Slice slice) throws IOException {
        ByteRange range = slice.range();
        long expectedSize = slice.fileSize();
        long size = Files.size(file);
        long lastModified = Files.getLastModifiedTime(file).toMillis();
        if (size != expectedSize || lastModified != slice.fileLastModified()) {
            throw new InputChangedException("Input file '" + file + "' changed since the job was planned"
                    + " (size " + expectedSize + " -> " + size + " bytes); start a new job instead of restarting this one");
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        channel.position(range.start());
        InputStream bytes = BoundedInputStream.builder()
                .setInputStream(Channels.newInputStream(channel))
                .setMaxCount(range.length())
                .setPropagateClose(true)
                .get();
        return new SequenceInputStream(bytes, new ByteArrayInputStream(LINE_END));
    }
}
