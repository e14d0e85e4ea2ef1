package io.predictionbatch.app.testdb;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.predictionbatch.app.embedded.DatabaseServerFile;

/** The database server process of a home, as its {@code db/server.properties} records it, for tests that end or kill it. */
public final class HomeDatabaseServer {

    private HomeDatabaseServer() {
    }

    /** The home's running server, if any. */
    public static Optional<ProcessHandle> of(Path home) {
        return DatabaseServerFile.read(home.resolve("db")).flatMap(file -> ProcessHandle.of(file.pid()))
                .filter(ProcessHandle::isAlive);
    }

    /** Stops the home's server, as a user's {@code kill} does, and waits for it to exit (a test leaves no process behind). */
    public static void stop(Path home) throws Exception {
        end(home, false);
    }

    /** Kills the home's server outright ({@code kill -9}), and waits for it to exit. */
    public static void kill(Path home) throws Exception {
        end(home, true);
    }

    private static void end(Path home, boolean forcibly) throws Exception {
        Optional<ProcessHandle> server = of(home);
        if (server.isPresent()) {
            if (forcibly) {
                server.get().destroyForcibly();
            } else {
                server.get().destroy();
            }
            server.get().onExit().get(30, TimeUnit.SECONDS);
        }
    }
}
