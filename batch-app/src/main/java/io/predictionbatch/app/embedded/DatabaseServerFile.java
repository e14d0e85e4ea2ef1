package io.predictionbatch.app.embedded;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;

/**
 * What a running database server tells its clients, in {@code HOME/db/server.properties}: its
 * process id, the loopback port it listens on and the secret database name it serves the job
 * repository under (H2's {@code -key}: a client must have read this file to connect).
 *
 * <p>The server writes the file once it listens and deletes it when it stops; a file left by a
 * killed server is stale, which {@link #processAlive()} and a failed connection reveal.
 */
public record DatabaseServerFile(long pid, int port, String key) {

    public static final String NAME = "server.properties";

    /** The file's content in a database folder, if there is a readable one. */
    public static Optional<DatabaseServerFile> read(Path dbDir) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(dbDir.resolve(NAME))) {
            properties.load(reader);
            return Optional.of(new DatabaseServerFile(Long.parseLong(properties.getProperty("pid")),
                    Integer.parseInt(properties.getProperty("port")), properties.getProperty("key")))
                    .filter(file -> file.key() != null && !file.key().isBlank());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            // Unreadable or half-written by a server that died while writing it: as good as none.
            return Optional.empty();
        }
    }

    /**
     * Writes the file readable by its owner only (the key is the password to the database), and
     * atomically, so that a client never reads half of it.
     */
    public void write(Path dbDir) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("pid", Long.toString(pid));
        properties.setProperty("port", Integer.toString(port));
        properties.setProperty("key", key);
        Path temporary = dbDir.resolve(NAME + "." + pid + ".tmp");
        Files.deleteIfExists(temporary);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        try (Writer writer = Files.newBufferedWriter(temporary)) {
            properties.store(writer, "prediction-batch database-server: the job repository of this home");
        }
        try {
            Files.move(temporary, dbDir.resolve(NAME), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, dbDir.resolve(NAME), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes the file if it still describes the server with this pid (a successor's stays). */
    public static void deleteIfOwnedBy(Path dbDir, long pid) throws IOException {
        if (read(dbDir).map(file -> file.pid() == pid).orElse(false)) {
            Files.deleteIfExists(dbDir.resolve(NAME));
        }
    }

    /** Whether the recorded process still runs; it may still be no database server (pid reuse). */
    public boolean processAlive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** The JDBC URL a client connects with. */
    public String url() {
        return "jdbc:h2:tcp://127.0.0.1:" + port + "/" + key;
    }
}
