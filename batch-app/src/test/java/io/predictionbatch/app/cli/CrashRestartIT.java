package io.predictionbatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the JVM running a job (SIGKILL: no shutdown hook, no last commit), restarts the job, and
 * checks that every input record is in the output or the errors file exactly once.
 */
class CrashRestartIT {

    private static final int ROWS = 400_000;
    /** Enough for a job that is still running when it is killed, with part files to show. */
    private static final int SMALL_ROWS = 100_000;

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
        assertThat(cli.run("jobs").out()).contains("INTERRUPTED").contains("Jobs that can be resumed (1) keep")
                .contains("of part files beside their outputs");
        Cli.Result status = cli.run("status", "1");
        assertThat(status.out()).contains("Job 1: INTERRUPTED", "its process is gone", "a restart resumes it");
        assertThat(cli.run("stop", "1").err()).contains("its process", "is gone", "restart 1");

        Cli.Result restart = cli.run("restart", "1", "-q");

        assertThat(restart.exitCode()).as(restart.out() + restart.err()).isZero();
        assertThat(restart.out()).contains("Job 1 COMPLETED");
        TestInputs.assertEveryLineExactlyOnce(work.resolve("out.csv"), work.resolve("out.errors.csv"), ROWS);
        assertThat(cli.run("restart", "1").err()).contains("already completed");
    }

    @Test
    void aJobWhoseInputChangedIsOverAndLeavesNothingBehind() throws Exception {
        Path input = TestInputs.irisRows(work.resolve("input.csv"), SMALL_ROWS);
        cli = new Cli(work.resolve("home"), work);
        Process job = cli.start("predict", "-i", input.toString(), "-o", "out.csv", "-p", "4", "--chunk-size", "200",
                "-q");
        TestInputs.awaitPartBytes(work, 20_000, job);
        job.destroyForcibly().waitFor();
        Files.writeString(input, "999999,5.0,3.0,1.5,0.2\n", StandardOpenOption.APPEND);

        Cli.Result restart = cli.run("restart", "1", "-q");

        assertThat(restart.exitCode()).isEqualTo(UserErrorHandler.FAILURE);
        assertThat(restart.out()).contains("changed since the job was planned").contains("Run predict again")
                .doesNotContain("restart 1");
        assertThat(Files.readAllLines(work.resolve("out.errors.csv")).get(0)).isEqualTo("line,reason,record");
        try (var left = Files.list(work)) {
            assertThat(left.map(Path::getFileName).map(Path::toString)).noneMatch(name -> name.endsWith(".parts"));
        }
        Cli.Result again = cli.run("restart", "1");
        assertThat(again.exitCode()).isEqualTo(UserErrorHandler.USER_ERROR);
        assertThat(again.err()).contains("Job 1 cannot be resumed");
    }

    @Test
    void cleanGivesUpAnInterruptedJobAndFreesItsPartFiles() throws Exception {
        Path input = TestInputs.irisRows(work.resolve("input.csv"), SMALL_ROWS);
        cli = new Cli(work.resolve("home"), work);
        Process job = cli.start("predict", "-i", input.toString(), "-o", "out.csv", "-p", "2", "--chunk-size", "200",
                "-q");
        TestInputs.awaitPartBytes(work, 20_000, job);
        job.destroyForcibly().waitFor();

        Cli.Result clean = cli.run("clean", "--all");

        assertThat(clean.exitCode()).as(clean.out() + clean.err()).isZero();
        assertThat(clean.out()).contains("Abandoned job(s) 1 and removed").contains("can no longer be restarted");
        try (var left = Files.list(work)) {
            assertThat(left.map(Path::getFileName).map(Path::toString)).noneMatch(name -> name.endsWith(".parts"));
        }
        assertThat(cli.run("status", "1").out()).contains("Job 1: ABANDONED");
        assertThat(cli.run("jobs").out()).doesNotContain("part files");
        assertThat(cli.run("restart", "1").err()).contains("was given up (`clean`) and cannot be resumed");
        assertThat(cli.run("clean", "1").err()).contains("Job 1 left alone: Job 1 is ABANDONED");
    }
}
