package io.predictionbatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import io.predictionbatch.app.testdb.HomeDatabaseServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Distributed mode end to end: a manager (`predict`) and worker JVMs against the real PostgreSQL
 * and Redis, on files on a path they all see.
 */
class DistributedModeIT {

    private static final int ROWS = 300_000;

    @TempDir
    Path work;

    private DistributedEnvironment services;
    private Cli distributed;
    private final List<Process> workers = new ArrayList<>();

    @BeforeEach
    void setUp() {
        services = DistributedEnvironment.create();
        distributed = new Cli(work.resolve("home"), work, services.processEnvironment());
    }

    @AfterEach
    void tearDown() throws Exception {
        // the database server that the embedded runs of the comparisons started
        HomeDatabaseServer.stop(work.resolve("embedded-home"));
        for (Process worker : workers) {
            worker.destroy();
            if (!worker.waitFor(60, TimeUnit.SECONDS)) {
                worker.destroyForcibly();
            }
        }
        services.close();
    }

    private Process startWorker() throws Exception {
        Process worker = distributed.start("worker");
        workers.add(worker);
        return worker;
    }

    @Test
    void twoWorkersPredictExactlyWhatTheEmbeddedModePredicts() throws Exception {
        Path input = TestInputs.irisRows(work.resolve("input.csv"), 120_000);
        Cli embedded = new Cli(work.resolve("embedded-home"), work);
        assertThat(embedded.run("predict", "-i", input.toString(), "-o", "embedded.csv", "-k", "id", "-q").exitCode())
                .isZero();
        startWorker();
        startWorker();

        Cli.Result result = distributed.run("predict", "-i", input.toString(), "-o", "distributed.csv", "-k", "id",
                "-p", "6", "-q");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(Files.readAllLines(work.resolve("distributed.csv")))
                .isEqualTo(Files.readAllLines(work.resolve("embedded.csv")));
        assertThat(Files.readAllLines(work.resolve("distributed.errors.csv")))
                .isEqualTo(Files.readAllLines(work.resolve("embedded.errors.csv")));
        Cli.Result status = distributed.run("status", "1");
        assertThat(status.out()).contains("Job 1: COMPLETED").contains("predictPartition:p0005");

        // The same records, gzip-compressed and separated by semicolons: the workers read them alike.
        Path gzip = work.resolve("input-semicolons.csv.gz");
        try (Writer out = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(gzip)),
                StandardCharsets.UTF_8)) {
            for (String line : Files.readAllLines(input)) {
                out.write(line.replace(',', ';') + "\n");
            }
        }
        Cli.Result compressed = distributed.run("predict", "-i", gzip.toString(), "-o", "gzip.csv", "-k", "id",
                "--delimiter", ";", "-p", "4", "-q");
        assertThat(compressed.exitCode()).as(compressed.out() + compressed.err()).isZero();
        assertThat(Files.readAllLines(work.resolve("gzip.csv")))
                .isEqualTo(Files.readAllLines(work.resolve("embedded.csv")));
    }

    @Test
    void writesPredictionsAndRejectsToTheResultTables() throws Exception {
        Path input = TestInputs.irisRows(work.resolve("input.csv"), 20_000);
        Cli embedded = new Cli(work.resolve("embedded-home"), work);
        assertThat(embedded.run("predict", "-i", input.toString(), "-o", "embedded.csv", "-k", "id", "-q").exitCode())
                .isZero();
        startWorker();

        Cli.Result result = distributed.run("predict", "-i", input.toString(), "--output-table", "-k", "id", "-p", "3",
                "-q");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("Predictions: table prediction_result (job_instance_id = 1)");
        // the file ends each row with its model_version; the table has model name and version as columns
        List<String> expected = Files.readAllLines(work.resolve("embedded.csv")).stream().skip(1)
                .map(row -> row.substring(0, row.lastIndexOf(',')) + ",iris_model,1.0.0").toList();
        assertThat(services.rows("SELECT line, record_key, prediction::json->>'species', model_name, model_version"
                + " FROM prediction_result WHERE job_instance_id = 1 ORDER BY line")).isEqualTo(expected);
        assertThat(services.rows("SELECT line FROM prediction_rejected WHERE job_instance_id = 1 ORDER BY line"))
                .hasSize(20).first().isEqualTo("1001");
    }

    @Test
    void saysWhyAPartitionFailedOnAWorker() throws Exception {
        Path input = TestInputs.irisRows(work.resolve("input.csv"), 5_000);
        Cli.Run job = distributed.launch("predict", "-i", input.toString(), "-o", "out.csv", "-p", "2", "-q");
        long deadline = System.currentTimeMillis() + 60_000;
        while (!(Files.exists(work.resolve("home/logs/prediction-batch.log")) && log().contains("partition request(s)"))) {
            assertThat(System.currentTimeMillis()).as("the job sent no partition requests").isLessThan(deadline);
            Thread.sleep(50);
        }
        // The workers do not see the file the manager saw (no shared path, say).
        Files.move(input, work.resolve("elsewhere.csv"));
        startWorker();

        Cli.Result result = job.await();

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("Job 1 FAILED: predictPartition:p000").contains("does not exist");
    }

    @Test
    void tellsTheUserWhenNoWorkerTakesThePartitions() throws Exception {
        Path input = TestInputs.irisRows(work.resolve("input.csv"), 5_000);
        Cli.Run job = distributed.launch("predict", "-i", input.toString(), "-o", "out.csv", "-p", "2", "-q");
        long deadline = System.currentTimeMillis() + 60_000;
        while (!job.output().contains("No worker has taken a partition of job 1")) {
            assertThat(System.currentTimeMillis()).as("no hint about missing workers").isLessThan(deadline);
            Thread.sleep(200);
        }
        startWorker();

        assertThat(job.await().exitCode()).isZero();
    }

    @Test
    void completesWithoutRestartWhenAWorkerIsKilled() throws Exception {
        Process doomed = startWorker();

        Cli.Run job = interruptedJob(2, 100_000, running -> {
            doomed.destroyForcibly().waitFor();
            startWorker();
        });

        assertCompletedExactlyOnce(job.await());
        assertThat(log()).contains("lost its worker");
    }

    @Test
    void aStoppedWorkerHandsItsPartitionToAnother() throws Exception {
        Process first = startWorker();

        Cli.Run job = interruptedJob(1, 100_000, running -> {
            first.destroy();
            assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
            startWorker();
        });

        assertCompletedExactlyOnce(job.await());
        assertThat(log()).contains("handed back by a stopping worker");
    }

    @Test
    void ridesOutARedisRestartThatLosesQueuedRequests() throws Exception {
        try (PrivateRedis redis = new PrivateRedis()) {
            distributed = new Cli(work.resolve("home"), work, services.withLocalRedis(redis.port()));
            startWorker();

            Cli.Run job = interruptedJob(4, 50_000, running -> {
                redis.kill();
                Thread.sleep(2_000);
                redis.start();
            });

            assertCompletedExactlyOnce(job.await());
            assertThat(log()).contains("is no longer queued and no worker took it");
        }
    }

    @Test
    void ridesOutPostgresqlBeingUnreachableForAWhile() throws Exception {
        String[] database = DistributedEnvironment.databaseAddress();
        try (TcpProxy proxy = new TcpProxy(database[0], Integer.parseInt(database[1]))) {
            distributed = new Cli(work.resolve("home"), work, services.withDatabaseThrough(proxy.port()));
            startWorker();
            startWorker();

            Cli.Run job = interruptedJob(2, 100_000, running -> {
                proxy.cut();
                Thread.sleep(4_000);
                proxy.restore();
            });

            assertCompletedExactlyOnce(job.await());
        }
    }

    @Test
    void restartResumesAJobWhoseManagerWasKilled() throws Exception {
        startWorker();
        startWorker();

        interruptedJob(4, 100_000, job -> job.process().destroyForcibly().waitFor());

        assertCompletedExactlyOnce(distributed.run("restart", "1", "-q"));
    }

    @Test
    void stopsAJobOnItsWorkersAtAChunkBoundaryAndRestartsItExactlyOnce() throws Exception {
        // Records that take 1 ms each: the job runs on for the seconds the `stop` command takes to start.
        int rows = 40_000;
        Path input = TestInputs.slowTextRecords(work.resolve("input.jsonl"), rows, 1);
        distributed = distributed.withTestModels();
        startWorker();
        startWorker();
        Cli.Run job = distributed.launch("predict", "-m", "text_stats", "-i", input.toString(), "-o", "out.csv", "-p",
                "4", "--chunk-size", "100", "-q");
        TestInputs.awaitPartBytes(work, 1_000, job.process());

        Cli.Result stop = distributed.run("stop", "1");
        assertThat(stop.exitCode()).as(stop.out() + stop.err() + warnings()).isZero();
        assertThat(stop.out()).contains("Job 1 STOPPED").contains("prediction-batch restart 1");
        Cli.Result stopped = job.await();
        assertThat(stopped.exitCode()).isEqualTo(UserErrorHandler.FAILURE);
        assertThat(stopped.out()).contains("Job 1 STOPPED on request");
        assertThat(distributed.run("status", "1").out()).contains("Job 1: STOPPED").doesNotContain("STARTED");

        Cli.Result restarted = distributed.run("restart", "1", "-q");
        assertThat(restarted.exitCode()).as(restarted.out() + restarted.err() + warnings()).isZero();
        TestInputs.assertEveryLineOnce(work.resolve("out.csv"), work.resolve("out.errors.csv"), rows, 1);
    }

    @Test
    void stopsAJobWhosePartitionsNoWorkerTookYet() throws Exception {
        Path input = TestInputs.irisRows(work.resolve("input.csv"), 5_000);
        Cli.Run job = distributed.launch("predict", "-i", input.toString(), "-o", "out.csv", "-p", "2", "-q");
        long deadline = System.currentTimeMillis() + 60_000;
        while (!distributed.run("status", "1").out().contains("p0001")) {
            assertThat(System.currentTimeMillis()).as("the job was never split").isLessThan(deadline);
            Thread.sleep(200);
        }

        Cli.Result stop = distributed.run("stop", "1");
        assertThat(stop.exitCode()).as(stop.out() + stop.err()).isZero();
        assertThat(job.await().out()).contains("Job 1 STOPPED on request: 0 of 5,000 records done");
        assertThat(log()).contains("the job stopped before a worker took the partition");

        startWorker();
        Cli.Result restarted = distributed.run("restart", "1", "-q");
        assertThat(restarted.exitCode()).as(restarted.out() + restarted.err()).isZero();
        assertThat(restarted.out()).contains("5,000 records read");
    }

    /** Trouble made once a job has committed some predictions. */
    private interface Interruption {
        void interrupt(Cli.Run job) throws Exception;
    }

    /** Starts a job on {@link #ROWS} rows and interrupts it once its part files hold that many bytes. */
    private Cli.Run interruptedJob(int partitions, long committedBytes, Interruption interruption) throws Exception {
        Path input = TestInputs.irisRows(work.resolve("input.csv"), ROWS);
        Cli.Run job = distributed.launch("predict", "-i", input.toString(), "-o", "out.csv", "-p",
                String.valueOf(partitions), "--chunk-size", "500", "-q");
        TestInputs.awaitPartBytes(work, committedBytes, job.process());
        interruption.interrupt(job);
        return job;
    }

    private void assertCompletedExactlyOnce(Cli.Result result) throws IOException {
        // On failure, the warnings of the manager and the workers too: the cause of a failure
        // that shows after an outage is often in what they saw then.
        assertThat(result.exitCode()).as(() -> result.out() + result.err() + "\nwarnings and errors in the log:\n"
                + warnings()).isZero();
        TestInputs.assertEveryLineExactlyOnce(work.resolve("out.csv"), work.resolve("out.errors.csv"), ROWS);
    }

    /** The last warning and error lines of the log, without their stack traces. */
    private String warnings() {
        try {
            List<String> lines = log().lines().filter(line -> line.contains(" WARN ") || line.contains(" ERROR "))
                    .toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(the log cannot be read: " + e + ")";
        }
    }

    /** The log file the manager and the workers of a test share. */
    private String log() throws IOException {
        return Files.readString(work.resolve("home/logs/prediction-batch.log"));
    }
}
