package io.predictionbatch.app.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import org.h2.tools.Server;

/**
 * The body of {@code prediction-batch database-server --home DIR --idle-timeout-millis N}: a small
 * JVM that holds a home's H2 database open and serves it over TCP on the loopback interface to
 * every command using that home, so that no command's exit takes the database from the others.
 * It stops by itself once no client has been connected for the idle timeout. Users do not run
 * it; {@link DatabaseServerLauncher} does.
 */
public final class DatabaseServerProcess {

    public static final String COMMAND = "database-server";

    /**
     * How long after a commit H2 writes it to the file at the latest, in the background, together
     * with the commits made meanwhile. Writing each commit at once ({@code WRITE_DELAY=0}) wrote it
     * as a chunk of its own of every page it changed, about 40 KB for a task's insert or end: under
     * task load this process took 2-2.6 ms of CPU a task, more than half of what a task cost, and
     * the file held 45 s (H2's retention time) of those writes, 1.3 GB after 7 minutes. What a
     * killed server (its JVM killed, not stopped) can lose is what was committed in its last
     * moments, which is then done again: a restarted job's part files are cut back to the chunk its
     * repository kept, and recovery runs a task whose claim or end was lost again. What a client
     * is told of must not be lost: a submitted or cancelled task is written at once, with a
     * {@code CHECKPOINT} ({@link DatabaseServerCheckpoint}). (A machine's crash loses what the
     * operating system had not written either way: H2 does not sync.)
     */
    static final int WRITE_DELAY_MILLIS = 100;

    private final Path dbDir;
    private final Duration idleTimeout;

    private DatabaseServerProcess(Path dbDir, Duration idleTimeout) {
        this.dbDir = dbDir;
        this.idleTimeout = idleTimeout;
    }

    /**
     * Runs the database server and exits the JVM when it stops, if the arguments ask for it;
     * returns at once otherwise. Called first thing in {@code main}, before Spring starts.
     */
    public static void runIfRequested(String[] args) {
        if (args.length == 0 || !COMMAND.equals(args[0])) {
            return;
        }
        Path home = Path.of(option(args, "--home")).toAbsolutePath().normalize();
        Duration idleTimeout = Duration.ofMillis(Long.parseLong(option(args, "--idle-timeout-millis")));
        int exitCode;
        try {
            new DatabaseServerProcess(home.resolve("db"), idleTimeout).run();
            exitCode = 0;
        } catch (Exception | LinkageError e) {
            // A LinkageError too: when the jar is replaced under a running server (an upgrade, a
            // rebuild), a class first loaded at the idle stop fails to load, and the server's
            // listener threads would otherwise keep the JVM serving forever, never stopping idle.
            say("failed: " + e);
            e.printStackTrace(System.out);
            exitCode = 1;
        }
        System.exit(exitCode);
    }

    private void run() throws Exception {
        // Listen on the loopback interface only; H2 reads this when its first class loads.
        System.setProperty("h2.bindAddress", "127.0.0.1");
        ignoreTerminalSignals();
        Files.createDirectories(dbDir);
        long pid = ProcessHandle.current().pid();
        // This connection opens (or creates) the database, so that clients never create one, and
        // keeps it open between clients. Commits reach the file within WRITE_DELAY_MILLIS.
        try (Connection monitor = DriverManager.getConnection(
                "jdbc:h2:file:" + dbDir.resolve("jobs") + ";WRITE_DELAY=" + WRITE_DELAY_MILLIS, "sa", "")) {
            String key = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
            Server server = Server.createTcpServer("-tcpPort", "0", "-baseDir", dbDir.toString(),
                    "-key", key, dbDir.resolve("jobs").toString()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, pid, "stopped by a signal")));
            new DatabaseServerFile(pid, server.getPort(), key).write(dbDir);
            say("pid " + pid + " serves " + dbDir.resolve("jobs") + " on 127.0.0.1:" + server.getPort()
                    + "; stops after " + idleTimeout.toMillis() + " ms without a client");
            try (DatabaseServerLock lock = awaitIdle(monitor)) {
                // Closed before the lock is released: a successor started then finds the file free.
                stop(server, pid, "no client for " + idleTimeout.toMillis() + " ms");
                monitor.close();
            }
        }
    }

    /**
     * Returns once no client has been connected for the idle timeout, holding the server lock:
     * clients find the server and connect under that lock, so none can connect between the last
     * check and the stop.
     */
    private DatabaseServerLock awaitIdle(Connection monitor) throws Exception {
        IdleTimer timer = new IdleTimer(idleTimeout, System.currentTimeMillis());
        long pollMillis = Math.max(100, Math.min(1000, idleTimeout.toMillis() / 4));
        while (true) {
            Thread.sleep(pollMillis);
            if (timer.expired(clientSessions(monitor), System.currentTimeMillis())) {
                DatabaseServerLock lock = DatabaseServerLock.acquire(dbDir);
                if (timer.expired(clientSessions(monitor), System.currentTimeMillis())) {
                    return lock;
                }
                lock.close();
            }
        }
    }

    /** Open sessions other than the monitor's own; H2 closes the session of a vanished client. */
    private static int clientSessions(Connection monitor) throws SQLException {
        try (Statement statement = monitor.createStatement();
                ResultSet sessions = statement.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
            sessions.next();
            return sessions.getInt(1) - 1;
        }
    }

    private void stop(Server server, long pid, String why) {
        if (server.isRunning(false)) {
            say("stopping: " + why);
            server.stop();
        }
        try {
            DatabaseServerFile.deleteIfOwnedBy(dbDir, pid);
        } catch (Exception e) {
            say("could not delete " + dbDir.resolve(DatabaseServerFile.NAME) + ": " + e);
        }
    }

    /**
     * The server is started from a command in a terminal, in that command's process group: Ctrl-C
     * there, or closing the terminal, must stop that command, not the server other commands use.
     * ({@code setsid} already detaches it where it exists; this covers macOS. javac warns about
     * {@code sun.misc.Signal}, the only way to ignore a signal in Java; it is in jdk.unsupported.)
     */
    private static void ignoreTerminalSignals() {
        for (String signal : new String[] {"INT", "HUP"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(signal), sun.misc.SignalHandler.SIG_IGN);
            } catch (IllegalArgumentException e) {
                // This platform has no such signal (HUP on Windows).
            }
        }
    }

    private static String option(String[] args, String name) {
        for (int i = 1; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        throw new IllegalArgumentException(COMMAND + " needs " + name);
    }

    private static void say(String message) {
        System.out.println(Instant.now() + " database-server " + message);
        System.out.flush();
    }
}
