package io.predictionbatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.predictionbatch.app.embedded.DatabaseServerFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end: commands on one home share its database server process, whichever starts first
 * and whichever ends first; the server stops once idle, and a dead one is replaced.
 */
class DatabaseServerIT {

    private static final Path IRIS = Path.of("../sample-data/iris.csv").toAbsolutePath().normalize();
    private static final int ROWS = 300_000;

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
    void twoJobsAtOnceBothCompleteWhenTheCommandThatStartedTheServerEndsFirst() throws Exception {
        cli = new Cli(work.resolve("home"), work);
        Path big = TestInputs.irisRows(work.resolve("big.csv"), ROWS);

        Cli.Run first = cli.launch("predict", "-i", IRIS.toString(), "-o", "first.csv", "-k", "id", "-q");
        ProcessHandle server = awaitServer(first);
        Cli.Run second = cli.launch("predict", "-i", big.toString(), "-o", "second.csv", "-p", "1", "--chunk-size",
                "500");
        Cli.Result firstResult = first.await();
        assertThat(second.process().isAlive()).as("the second job runs on after the first command ended").isTrue();
        Cli.Result during = cli.run("jobs");
        Cli.Result secondResult = second.await();
        Cli.Result after = cli.run("jobs");

        assertThat(firstResult.exitCode()).as(first.output()).isZero();
        assertThat(firstResult.out()).contains("150 records read, 150 written, 0 rejected");
        List<String> firstLines = Files.readAllLines(work.resolve("first.csv"));
        assertThat(firstLines).hasSize(151).startsWith("line,id,species,model_version", "2,1,setosa,1.0.0").endsWith("151,150,virginica,1.0.0");
        assertThat(secondResult.exitCode()).as(second.output()).isZero();
        assertThat(secondResult.out()).contains("300,000 records read");
        assertThat(secondResult.err()).doesNotContain("Exception", "cannot be reached");
        TestInputs.assertEveryLineExactlyOnce(work.resolve("second.csv"), work.resolve("second.errors.csv"), ROWS);
        assertThat(during.exitCode()).as(during.err()).isZero();
        assertThat(during.out()).contains("COMPLETED").contains("STARTED");
        assertThat(after.out().lines().filter(line -> line.contains("COMPLETED"))).hasSize(2);
        assertThat(cli.databaseServer()).as("one server served every command").contains(server);
    }

    @Test
    void theServerStopsOnceIdleAndAKilledOneIsReplacedByTheNextCommand() throws Exception {
        cli = new Cli(work.resolve("home"), work, Map.of("PREDICTION_DATABASESERVER_IDLETIMEOUT", "2s"));

        assertThat(cli.run("jobs").exitCode()).isZero();
        ProcessHandle killed = cli.databaseServer().orElseThrow();
        killed.destroyForcibly();
        killed.onExit().get(30, TimeUnit.SECONDS);
        Cli.Result afterKill = cli.run("jobs");
        ProcessHandle replacement = cli.databaseServer().orElseThrow();
        long idleSince = System.nanoTime();
        replacement.onExit().get(60, TimeUnit.SECONDS);

        assertThat(afterKill.exitCode()).as(afterKill.err()).isZero();
        assertThat(replacement.pid()).isNotEqualTo(killed.pid());
        assertThat(Duration.ofNanos(System.nanoTime() - idleSince)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        assertThat(work.resolve("home/db").resolve(DatabaseServerFile.NAME)).doesNotExist();
    }

    @Test
    void aJobWhoseServerIsKilledFailsWithAClearMessageAndResumesExactlyOnce() throws Exception {
        cli = new Cli(work.resolve("home"), work);
        Path input = TestInputs.irisRows(work.resolve("input.csv"), ROWS);

        Cli.Run job = cli.launch("predict", "-i", input.toString(), "-o", "out.csv", "-p", "2", "--chunk-size", "200",
                "-q");
        TestInputs.awaitPartBytes(work, 200_000, job.process());
        ProcessHandle server = cli.databaseServer().orElseThrow();
        server.destroyForcibly();
        server.onExit().get(30, TimeUnit.SECONDS);
        Cli.Result failed = job.await();
        Cli.Result restart = cli.run("restart", "1", "-q");

        assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(1);
        assertThat(failed.err()).contains("Job 1 lost the job repository").doesNotContain("\tat ");
        assertThat(failed.out()).contains("Job 1 FAILED").contains("prediction-batch restart 1");
        assertThat(restart.exitCode()).as(restart.out() + restart.err()).isZero();
        TestInputs.assertEveryLineExactlyOnce(work.resolve("out.csv"), work.resolve("out.errors.csv"), ROWS);
    }

    /** Waits until the command has started the home's database server. */
    private ProcessHandle awaitServer(Cli.Run command) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            var server = cli.databaseServer();
            if (server.isPresent()) {
                return server.get();
            }
            assertThat(command.process().isAlive()).as("the command ended before it started a server: %s",
                    command.output()).isTrue();
            Thread.sleep(20);
        }
        throw new AssertionError("no database server started within 2 minutes");
    }
}
