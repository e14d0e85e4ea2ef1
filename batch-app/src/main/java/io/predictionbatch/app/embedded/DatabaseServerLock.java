package io.predictionbatch.app.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The lock on {@code HOME/db/server.lock} that serialises starting, finding and stopping a home's
 * database server across processes, so that commands starting at once end up with one server,
 * and a server never stops between a client finding it and connecting.
 *
 * <p>A {@link FileLock} is held per JVM, and a second lock on the same file from the same JVM
 * throws; threads of one JVM therefore queue on a JVM-wide lock first. The operating system
 * releases the file lock of a killed process.
 */
public final class DatabaseServerLock implements AutoCloseable {

    public static final String NAME = "server.lock";

    private static final ReentrantLock IN_THIS_JVM = new ReentrantLock();

    private final FileChannel channel;
    private final FileLock lock;

    private DatabaseServerLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits for the lock of this database folder. */
    public static DatabaseServerLock acquire(Path dbDir) throws IOException {
        IN_THIS_JVM.lock();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(dbDir.resolve(NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return new DatabaseServerLock(channel, channel.lock());
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            IN_THIS_JVM.unlock();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            IN_THIS_JVM.unlock();
        }
    }
}
