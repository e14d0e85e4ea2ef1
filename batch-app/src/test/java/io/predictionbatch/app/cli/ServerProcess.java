package io.predictionbatch.app.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code prediction-batch serve} process on a free port, stopped (SIGTERM) when closed. */
final class ServerProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("Prediction server on (http://[0-9.:]+) ");

    private final Cli.Run run;
    private final URI url;

    private ServerProcess(Cli.Run run, URI url) {
        this.run = run;
        this.url = url;
    }

    static ServerProcess start(Cli cli, String... options) throws IOException, InterruptedException {
        String[] args = new String[options.length + 3];
        args[0] = "serve";
        args[1] = "--port";
        args[2] = "0";
        System.arraycopy(options, 0, args, 3, options.length);
        Cli.Run run = cli.launch(args);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            Matcher listening = LISTENING.matcher(Files.readString(run.err()));
            if (listening.find()) {
                return new ServerProcess(run, URI.create(listening.group(1)));
            }
            if (!run.process().isAlive()) {
                throw new IllegalStateException("serve exited with " + run.process().exitValue() + ": " + run.output());
            }
            Thread.sleep(100);
        }
        run.process().destroyForcibly();
        throw new IllegalStateException("serve did not start in 3 minutes: " + run.output());
    }

    URI url() {
        return url;
    }

    Process process() {
        return run.process();
    }

    String output() throws IOException {
        return run.output();
    }

    /** Stops the server as a service manager does, and waits for it to end. */
    @Override
    public void close() throws InterruptedException {
        run.process().destroy();
        if (!run.process().waitFor(60, TimeUnit.SECONDS)) {
            run.process().destroyForcibly().waitFor();
        }
    }
}
