package io.predictionbatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the JVM running a job (SIGKILL: no shutdown hook, no last commit), restarts the job, and
 * checks that every input record is in the output or the errors file exactly once.
 */
class CrashRestartIT {

    private static final int ROWS = 400_000;

    @TempDir
    Path work;

    private Cli cli;

    @AfterEach
    void stopDatabaseServer() throws Exception {
        if (cli != null) {
            cli.stopDatabaseServer();
        }
    }

    @Test
    void restartAfterAKilledJvmLosesAndDuplicatesNoRecord() throws Exception {
        Path input = TestInputs.irisRows(work.resolve("input.csv"), ROWS);
        cli = new Cli(work.resolve("home"), work);

        Process job = cli.start("predict", "-i", input.toString(), "-o", "out.csv", "-p", "4", "--chunk-size", "200",
                "-q");
        TestInputs.awaitPartBytes(work, 200_000, job);
        job.destroyForcibly().waitFor();
        assertThat(work.resolve("out.csv")).doesNotExist();
        Cli.Result status = cli.run("status", "1");
        assertThat(status.out()).contains("Job 1: INTERRUPTED", "its process is gone", "a restart resumes it");
        assertThat(cli.run("stop", "1").err()).contains("its process", "is gone", "restart 1");

        Cli.Result restart = cli.run("restart", "1", "-q");

        assertThat(restart.exitCode()).as(restart.out() + restart.err()).isZero();
        assertThat(restart.out()).contains("Job 1 COMPLETED");
        TestInputs.assertEveryLineExactlyOnce(work.resolve("out.csv"), work.resolve("out.errors.csv"), ROWS);
        assertThat(cli.run("restart", "1").err()).contains("already completed");
    }
}
