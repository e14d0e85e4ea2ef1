package io.predictionbatch.app.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.h2.Driver;
import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * Connections to the job repository of a home through its database server, starting the server
 * when none runs: the first connection of a process, and any connection after the server it knew
 * stopped or died, find (or start) the server under {@link DatabaseServerLock}. A connection
 * pool sits in front of it.
 */
public final class DatabaseServerDataSource extends AbstractDataSource {

    private static final Log log = LogFactory.getLog(DatabaseServerDataSource.class);
    private static final String USER = "sa";
    private static final Duration POLL = Duration.ofMillis(50);

    private final Path home;
    private final Path dbDir;
    private final Duration idleTimeout;
    private final Duration startTimeout;
    private volatile DatabaseServerFile known;

    public DatabaseServerDataSource(Path home, Duration idleTimeout, Duration startTimeout) {
        this.home = home.toAbsolutePath().normalize();
        this.dbDir = this.home.resolve("db");
        this.idleTimeout = idleTimeout;
        this.startTimeout = startTimeout;
    }

    @Override
    public Connection getConnection() throws SQLException {
        DatabaseServerFile server = known;
        if (server != null) {
            try {
                return connect(server);
            } catch (SQLException e) {
                log.info("The database server on port " + server.port() + " does not answer (" + e.getMessage()
                        + "); looking for its successor");
            }
        }
        return findOrStartAndConnect();
    }

    /**
     * Finds or starts the server on a daemon thread, unless the recorded one runs: a process
     * starts it this way before it needs it, and connects later as usual.
     */
    public void startInBackground() {
        if (DatabaseServerFile.read(dbDir).filter(DatabaseServerFile::processAlive).isPresent()) {
            return;
        }
        Thread starter = new Thread(() -> {
            try {
                getConnection().close();
            } catch (SQLException | RuntimeException e) {
                log.debug("Starting the database server ahead of time failed; the first connection tries again", e);
            }
        }, "database-server-start");
        starter.setDaemon(true);
        starter.start();
    }

    /**
     * The longest a connection takes: the start of a database server. The pool asks, and when it
     * shuts down waits twice that for a connection it is opening; Spring's default of 0 had every
     * command that shut down meanwhile log that it had not waited.
     */
    @Override
    public int getLoginTimeout() {
        return (int) Math.max(1, startTimeout.toSeconds());
    }

    /** Ignored: connecting waits for a starting server up to its start timeout, which settings give. */
    @Override
    public void setLoginTimeout(int seconds) {
        // The pool sets its connection timeout here; the start timeout stays the bound.
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLException("The embedded job repository has one user; configure none");
    }

    /**
     * Connects to the recorded server if it is alive (its process runs and it accepts this
     * connection), else starts one. The connection is made holding the lock, so the server
     * cannot stop for want of clients in between.
     */
    private Connection findOrStartAndConnect() throws SQLException {
        try {
            Files.createDirectories(dbDir);
            try (DatabaseServerLock lock = DatabaseServerLock.acquire(dbDir)) {
                Optional<DatabaseServerFile> recorded = DatabaseServerFile.read(dbDir)
                        .filter(DatabaseServerFile::processAlive);
                if (recorded.isPresent()) {
                    try {
                        return remember(recorded.get());
                    } catch (SQLException e) {
                        log.warn("The recorded database server (pid " + recorded.get().pid() + ") does not answer ("
                                + e.getMessage() + "); starting another");
                    }
                }
                return remember(start());
            }
        } catch (IOException e) {
            throw new DatabaseServerUnavailableException("Cannot lock " + dbDir.resolve(DatabaseServerLock.NAME)
                    + ": " + e.getMessage(), e);
        }
    }

    private Connection remember(DatabaseServerFile server) throws SQLException {
        Connection connection = connect(server);
        known = server;
        return connection;
    }

    /** Starts a server and waits until it has written its file, or died, or taken too long. */
    private DatabaseServerFile start() throws IOException, SQLException {
        Files.deleteIfExists(dbDir.resolve(DatabaseServerFile.NAME));
        Process process = DatabaseServerLauncher.start(home, idleTimeout);
        log.info("Started the database server of " + home + " (pid " + process.pid() + ")");
        long deadline = System.nanoTime() + startTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<DatabaseServerFile> written = DatabaseServerFile.read(dbDir);
            if (written.isPresent()) {
                return written.get();
            }
            if (!process.isAlive()) {
                throw new DatabaseServerUnavailableException("The database server of " + home + " exited at start"
                        + " (exit code " + process.exitValue() + "); see " + home.resolve(DatabaseServerLauncher.LOG),
                        null);
            }
            sleep();
        }
        throw new DatabaseServerUnavailableException("The database server of " + home + " did not start within "
                + startTimeout.toSeconds() + " s (pid " + process.pid() + "); see "
                + home.resolve(DatabaseServerLauncher.LOG), null);
    }

    private static Connection connect(DatabaseServerFile server) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", USER);
        credentials.setProperty("password", "");
        return Driver.load().connect(server.url(), credentials);
    }

    private static void sleep() throws SQLException {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while the database server started", e);
        }
    }
}
