package io.predictionbatch.app.input;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

import org.apache.commons.io.input.BoundedInputStream;

/**
 * The bytes of an input file from its start: as they are, or decompressed when the file is gzip
 * (told by its first bytes, not by its name), with how far into the file the reading has come.
 *
 * <p>Offsets in a gzip file's plan are offsets in its decompressed bytes: gzip cannot be entered
 * in the middle, so a partition's reader decompresses from the start and passes over the bytes
 * before its slice. Partition k of n thus decompresses k/n of the file for nothing, (n - 1) / 2
 * files more in all, which costs less than a decompressed copy of the file on disk would.
 */
final class InputBytes implements Closeable {

    /** Small, so the planner's measure of progress through a gzip file moves in small steps. */
    private static final int GZIP_BUFFER = 8 << 10;
    private static final byte[] GZIP_MAGIC = {0x1f, (byte) 0x8b};

    private final BoundedInputStream fileBytes;
    private final InputStream bytes;
    private final boolean gzip;

    private InputBytes(BoundedInputStream fileBytes, InputStream bytes, boolean gzip) {
        this.fileBytes = fileBytes;
        this.bytes = bytes;
        this.gzip = gzip;
    }

    /** Opens the file once: its first bytes tell gzip, and are read again as the stream's. */
    static InputBytes open(Path file) throws IOException {
        BoundedInputStream fileBytes = BoundedInputStream.builder().setInputStream(Files.newInputStream(file)).get();
        try {
            PushbackInputStream start = new PushbackInputStream(fileBytes, GZIP_MAGIC.length);
            byte[] magic = start.readNBytes(GZIP_MAGIC.length);
            start.unread(magic);
            boolean gzip = Arrays.equals(magic, GZIP_MAGIC);
            return new InputBytes(fileBytes, gzip ? new GZIPInputStream(start, GZIP_BUFFER) : start, gzip);
        } catch (IOException | RuntimeException e) {
            fileBytes.close(); // a gzip header that cannot be read
            throw e;
        }
    }

    /** The (decompressed) bytes. */
    InputStream stream() {
        return bytes;
    }

    /**
     * How far into the file the bytes up to {@code offset} (in the decompressed bytes) lie: the
     * offset itself for a plain file; for gzip, the compressed bytes read so far.
     */
    long fileOffset(long offset) {
        return gzip ? fileBytes.getCount() : offset;
    }

    @Override
    public void close() throws IOException {
        bytes.close();
    }
}
