package io.predictionbatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end: the packaged command line on the sample files, checked by its files and exit codes. */
class CommandLineIT {

    private static final Path SAMPLES = Path.of("../sample-data").toAbsolutePath().normalize();

    @TempDir
    Path work;

    private Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(work.resolve("home"), work);
    }

    @AfterEach
    void stopDatabaseServer() throws Exception {
        cli.stopDatabaseServer();
    }

    @Test
    void scoresTheIrisCsvWithKeysAndLineNumbers() throws Exception {
        Cli.Result result = cli.run("predict", "--input", SAMPLES.resolve("iris.csv").toString(), "--output",
                "preds.csv", "--key", "id", "--partitions", "3", "--quiet");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("150 records read, 150 written, 0 rejected");
        List<String> lines = Files.readAllLines(work.resolve("preds.csv"));
        assertThat(lines).hasSize(151);
        assertThat(lines.get(0)).isEqualTo("line,id,species,model_version");
        assertThat(lines.get(1)).isEqualTo("2,1,setosa,1.0.0");
        assertThat(lines.get(150)).isEqualTo("151,150,virginica,1.0.0");
        long correct = correctPredictions(lines);
        assertThat(correct).isEqualTo(147);
        assertThat(Files.readAllLines(work.resolve("preds.errors.csv"))).containsExactly("line,reason,record");
        assertThat(result.out()).doesNotContain("Replaced");

        Cli.Result kept = cli.run("predict", "-i", SAMPLES.resolve("iris.csv").toString(), "-o", "preds.csv",
                "--no-overwrite", "-q");
        assertThat(kept.exitCode()).isEqualTo(UserErrorHandler.USER_ERROR);
        assertThat(kept.err()).contains("preds.csv' exists, and --no-overwrite keeps it");
        Cli.Result again = cli.run("predict", "-i", SAMPLES.resolve("iris.csv").toString(), "-o", "preds.csv", "-q");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("Replaced the file that was there: " + work.resolve("preds.csv"));
    }

    /** Compares predicted species with the species column of the sample file, row by row. */
    private static long correctPredictions(List<String> predictions) throws IOException {
        List<String> truth = Files.readAllLines(SAMPLES.resolve("iris.csv"));
        long correct = 0;
        for (int i = 1; i < predictions.size(); i++) {
            String[] predicted = predictions.get(i).split(",");
            String[] actual = truth.get(Integer.parseInt(predicted[0]) - 1).split(",");
            if (actual[actual.length - 1].equals(predicted[2])) {
                correct++;
            }
        }
        return correct;
    }

    @Test
    void scoresJsonLinesIntoJsonLines() throws Exception {
        Cli.Result result = cli.run("predict", "-i", SAMPLES.resolve("iris.jsonl").toString(), "-o", "preds.jsonl",
                "-k", "id", "-q");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = Files.readAllLines(work.resolve("preds.jsonl"));
        assertThat(lines).hasSize(150);
        assertThat(lines.get(0)).isEqualTo("{\"line\":1,\"id\":1,\"species\":\"setosa\",\"model_version\":\"1.0.0\"}");

        Path gzip = work.resolve("iris.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzip))) {
            Files.copy(SAMPLES.resolve("iris.jsonl"), out);
        }
        Cli.Result compressed = cli.run("predict", "-i", gzip.toString(), "-o", "gzip.jsonl", "-k", "id", "-p", "3",
                "-q");
        assertThat(compressed.exitCode()).as(compressed.err()).isZero();
        assertThat(Files.readAllLines(work.resolve("gzip.jsonl"))).isEqualTo(lines);
    }

    @Test
    void setsBadRecordsAsideWithLineAndReasonAndAccountsForEveryRecord() throws Exception {
        Cli.Result result = cli.run("predict", "-i", SAMPLES.resolve("bad/bad-numbers.csv").toString(), "-o",
                "preds.csv", "-q");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> predictions = Files.readAllLines(work.resolve("preds.csv"));
        List<String> errors = Files.readAllLines(work.resolve("preds.errors.csv"));
        long records = Files.readAllLines(SAMPLES.resolve("bad/bad-numbers.csv")).stream().skip(1)
                .filter(line -> !line.isBlank()).count();
        assertThat(predictions.size() - 1 + errors.size() - 1).isEqualTo(records);
        assertThat(errors).anySatisfy(line -> assertThat(line).contains("'asdfg' is not a number"));
        assertThat(result.out()).contains(records + " records read");
    }

    @Test
    void splitsQuotedMultiLineRecordsIntoTheSameRowsWhateverThePartitions() throws Exception {
        String input = SAMPLES.resolve("bad/quoted-newline.csv").toString();

        Cli.Result one = cli.run("predict", "-i", input, "-o", "one.csv", "-k", "id", "-p", "1", "-q");
        Cli.Result four = cli.run("predict", "-i", input, "-o", "four.csv", "-k", "id", "-p", "4", "-q");

        assertThat(one.exitCode()).as(one.err()).isZero();
        assertThat(four.exitCode()).as(four.err()).isZero();
        assertThat(Files.readAllLines(work.resolve("four.csv"))).hasSize(21)
                .isEqualTo(Files.readAllLines(work.resolve("one.csv")));
        // Record 4 starts on line 6: record 3 holds a line break inside quotes.
        assertThat(Files.readAllLines(work.resolve("four.csv"))).anySatisfy(row -> assertThat(row).startsWith("6,4,"));
    }

    @Test
    void failsTheJobPastTheErrorThreshold() throws Exception {
        Cli.Result result = cli.run("predict", "-i", SAMPLES.resolve("bad/bad-numbers.csv").toString(), "-o",
                "preds.csv", "--max-error-rate", "0.1", "-q");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("FAILED").contains("--max-error-rate")
                .contains("the records rejected so far are in " + work.resolve("preds.errors.csv"))
                .contains("Run predict again once the input is fixed").doesNotContain("restart 1").doesNotContain("Exception");
        assertThat(Files.readAllLines(work.resolve("preds.errors.csv")).get(0)).isEqualTo("line,reason,record");
        assertThat(Files.readAllLines(work.resolve("preds.errors.csv"))).hasSizeGreaterThan(1);
        try (var left = Files.list(work)) {
            assertThat(left.map(Path::getFileName).map(Path::toString)).noneMatch(name -> name.endsWith(".parts"));
        }
        Cli.Result restart = cli.run("restart", "1");
        assertThat(restart.exitCode()).isEqualTo(UserErrorHandler.USER_ERROR);
        assertThat(restart.err()).contains("Job 1 cannot be resumed").contains("Run predict again once the input is fixed");
        assertThat(cli.run("status", "1").out()).contains("reason     ").contains("--max-error-rate");
    }

    @Test
    void deliversTheRejectedRecordsSoFarWhenAPartitionPassesTheErrorCount() throws Exception {
        Path input = TestInputs.irisRows(work.resolve("input.csv"), 20_000);
        Cli.Result result = cli.run("predict", "-i", input.toString(), "-o", "out.csv", "--max-errors", "5",
                "--chunk-size", "100", "-q");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).as(result.err()).contains("more than 5 records were rejected (--max-errors 5)")
                .contains("Run predict again once the input is fixed").doesNotContain("SkipLimitExceeded");
        List<String> rejects = Files.readAllLines(work.resolve("out.errors.csv"));
        assertThat(rejects.get(0)).isEqualTo("line,reason,record");
        assertThat(rejects.subList(1, rejects.size())).isNotEmpty()
                .allMatch(line -> line.contains("'broken' is not a number"));
        try (var left = Files.list(work)) {
            assertThat(left.map(Path::getFileName).map(Path::toString)).noneMatch(name -> name.endsWith(".parts"));
        }
    }

    @Test
    void refusesAFileWithoutTheModelsColumnsWithAClearMessage() throws Exception {
        Cli.Result result = cli.run("predict", "-i", SAMPLES.resolve("bad/missing-column.csv").toString(), "-o",
                "preds.csv");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("lacks column(s) petal_width");
        assertThat(work.resolve("preds.csv")).doesNotExist();
    }

    @Test
    void refusesEmptyAndMissingFilesAndUnterminatedQuotes() throws Exception {
        assertThat(cli.run("predict", "-i", SAMPLES.resolve("bad/empty.csv").toString(), "-o", "p.csv").err())
                .contains("is empty");
        assertThat(cli.run("predict", "-i", "nope.csv", "-o", "p.csv").err()).contains("does not exist");
        Files.createDirectories(work.resolve("folder"));
        Cli.Result inputFolder = cli.run("predict", "-i", work.resolve("folder").toString(), "-o", "p.csv");
        assertThat(inputFolder.exitCode()).isEqualTo(2);
        assertThat(inputFolder.err()).contains("is a directory").doesNotContain("extension");
        Cli.Result outputFolder = cli.run("predict", "-i", SAMPLES.resolve("iris.csv").toString(), "-o", "folder");
        assertThat(outputFolder.exitCode()).isEqualTo(2);
        assertThat(outputFolder.err()).contains("'folder' is a directory").contains("predictions.csv");

        Cli.Result unterminated = cli.run("predict", "-i", SAMPLES.resolve("bad/unterminated-quote.csv").toString(),
                "-o", "p.csv", "-q");
        assertThat(unterminated.exitCode()).isEqualTo(UserErrorHandler.USER_ERROR);
        assertThat(unterminated.err()).contains("unterminated-quote.csv' line 4: a quoted field opens here and never closes");
        assertThat(cli.run("jobs").out()).doesNotContain("unterminated-quote.csv");
    }

    @Test
    void rejectsEachRecordItCannotReadWithItsLineAndScoresTheRest() throws Exception {
        String good = "5.1;3.5;1.4;0.2";
        Path input = work.resolve("awkward.csv");
        try (var out = Files.newOutputStream(input)) {
            out.write(("id;sepal_length;sepal_width;petal_length;petal_width\r\n"
                    + "a;" + good + "\r\n"
                    + "slip;\"6.4\"x;3.5;1.4;0.2\r\n"
                    + "space;\"6.4\" ;3.5;1.4;0.2\r\n"
                    + "long;" + "1".repeat(300) + ";3.5;1.4;0.2\r\n"
                    + "nbsp;5.1\u00a0;3.5;1.4;0.2\r\n").getBytes(StandardCharsets.UTF_8));
            out.write("Caf\u00e9;".getBytes(StandardCharsets.ISO_8859_1));
            out.write((good + "\r\n\"multi\nline\";" + good + "\r\nz;" + good).getBytes(StandardCharsets.UTF_8));
        }

        Cli.Result result = cli.run("predict", "-i", input.toString(), "-o", "p.csv", "-k", "id", "--delimiter", ";",
                "--max-record-bytes", "200", "-p", "3", "-q");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("8 records read, 3 written, 5 rejected");
        assertThat(Files.readAllLines(work.resolve("p.csv"))).containsExactly("line,id,species,model_version", "2,a,setosa,1.0.0",
                "8,\"multi", "line\",setosa,1.0.0", "10,z,setosa,1.0.0");
        List<String> errors = Files.readAllLines(work.resolve("p.errors.csv"), StandardCharsets.UTF_8);
        assertThat(String.join("\n", errors))
                .contains("3,\"bad quoting: text after a closing quote ('x' on line 3)")
                .contains("4,\"bad quoting: text after a closing quote (' ' on line 4)")
                .contains("5,\"the record is 317 bytes long, over the limit of 200 bytes (--max-record-bytes)")
                .contains("6,sepal_length: '5.1\\u00a0' is not a number")
                .contains("7,\"byte 0xE9 at byte 4 of the record is not valid UTF-8")
                .contains("Caf\\xE9;5.1;3.5;1.4;0.2");

        Cli.Result latin1 = cli.run("predict", "-i", input.toString(), "-o", "latin1.csv", "-k", "id", "--delimiter",
                ";", "--encoding", "ISO-8859-1", "-q");
        assertThat(latin1.exitCode()).as(latin1.err()).isZero();
        assertThat(Files.readString(work.resolve("latin1.csv"), StandardCharsets.UTF_8)).contains("7,Caf\u00e9,setosa,1.0.0");
    }

    @Test
    void scoresStandardInputAndKeepsNoCopyOnceDone() throws Exception {
        Cli.Result result = cli.runWithInput(SAMPLES.resolve("iris.csv"), "predict", "-i", "-", "--input-format",
                "csv", "-o", "stdin.csv", "-k", "id", "-p", "2", "-q");
        Cli.Result file = cli.run("predict", "-i", SAMPLES.resolve("iris.csv").toString(), "-o", "file.csv", "-k",
                "id", "-q");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("150 records read, 150 written");
        assertThat(Files.readAllLines(work.resolve("stdin.csv"))).isEqualTo(Files.readAllLines(work.resolve("file.csv")));
        try (var files = Files.list(work)) {
            assertThat(files.map(path -> path.getFileName().toString())).noneMatch(name -> name.contains(".stdin-"));
        }
        Cli.Result noFormat = cli.runWithInput(SAMPLES.resolve("iris.csv"), "predict", "-i", "-", "-o", "x.csv");
        assertThat(noFormat.exitCode()).isEqualTo(UserErrorHandler.USER_ERROR);
        assertThat(noFormat.err()).contains("add --input-format csv|jsonl");
    }

    @Test
    void rejectsJsonLinesWithATwiceNamedFieldAndKeepsExactKeys() throws Exception {
        String fields = "\"sepal_length\":5.1,\"sepal_width\":3.5,\"petal_length\":1.4,\"petal_width\":0.2";
        Path input = Files.writeString(work.resolve("keys.jsonl"), "{\"id\":1e309," + fields + "}\n"
                + "{\"id\":2," + fields + ",\"sepal_length\":9}\n"
                + "{\"id\":3,\"sepal_length\":1e309,\"sepal_width\":3.5,\"petal_length\":1.4,\"petal_width\":0.2}\n");

        Cli.Result result = cli.run("predict", "-i", input.toString(), "-o", "p.csv", "-k", "id", "-q");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Files.readAllLines(work.resolve("p.csv"))).containsExactly("line,id,species,model_version", "1,1E+309,setosa,1.0.0");
        assertThat(String.join("\n", Files.readAllLines(work.resolve("p.errors.csv"))))
                .contains("Duplicate Object property \"\"sepal_length\"\"")
                .contains("sepal_length: '1e309' is out of range");
        Cli.Result utf16 = cli.run("predict", "-i", Files.write(work.resolve("u.csv"),
                "a,b\n".getBytes(StandardCharsets.UTF_16)).toString(), "-o", "u-out.csv", "-q");
        assertThat(utf16.exitCode()).isEqualTo(UserErrorHandler.USER_ERROR);
        assertThat(utf16.err()).contains("is UTF-16 text");
        Cli.Result unknownEncoding = cli.run("predict", "-i", input.toString(), "-o", "x.csv", "--encoding", "UTF-16");
        assertThat(unknownEncoding.exitCode()).isEqualTo(UserErrorHandler.USER_ERROR);
        assertThat(unknownEncoding.err()).contains("--encoding UTF-16 is not read").contains("iconv");
    }

    @Test
    void stopsAJobFromAnotherCommandAndRestartsItWithEveryRecordOnce() throws Exception {
        // Records that take 2 ms each: the job runs on for the seconds the `stop` command takes to start.
        int rows = 20_000;
        Path input = TestInputs.slowTextRecords(work.resolve("input.jsonl"), rows, 2);
        Cli slow = cli.withTestModels();
        Cli.Run job = slow.launch("predict", "-m", "text_stats", "-i", input.toString(), "-o", "out.csv", "-k", "id",
                "-p", "2", "--chunk-size", "100", "-q");
        TestInputs.awaitPartBytes(work, 1_000, job.process());

        Cli.Result stop = slow.run("stop", "1");
        assertThat(stop.exitCode()).as(stop.out() + stop.err()).isZero();
        assertThat(stop.out()).contains("Job 1 STOPPED").contains("Resume it with: prediction-batch restart 1");
        Cli.Result stopped = job.await();
        assertThat(stopped.exitCode()).isEqualTo(UserErrorHandler.FAILURE);
        assertThat(stopped.out()).contains("Job 1 STOPPED on request").doesNotContain("Exception");
        assertThat(slow.run("status", "1").out()).contains("Job 1: STOPPED", "stopped on request", "RAN ON");
        Cli.Result again = slow.run("stop", "1");
        assertThat(again.exitCode()).isEqualTo(UserErrorHandler.USER_ERROR);
        assertThat(again.err()).contains("Job 1 is not running; it is STOPPED");

        Cli.Result restarted = slow.run("restart", "1", "-q");
        assertThat(restarted.exitCode()).as(restarted.out() + restarted.err()).isZero();
        TestInputs.assertEveryLineOnce(work.resolve("out.csv"), work.resolve("out.errors.csv"), rows, 1);
        assertThat(slow.run("status", "1").out()).contains(String.format("progress   %,d of %,d records (100.0%%)",
                rows, rows));
    }

    @Test
    void refusesToServeBeyondLoopbackWithoutAToken() throws Exception {
        Cli.Result refused = cli.run("serve", "--host", "0.0.0.0", "--port", "0");
        assertThat(refused.exitCode()).isEqualTo(UserErrorHandler.FAILURE);
        assertThat(refused.err()).contains("only with a token: set PREDICTION_SERVER_TOKEN");
    }

    @Test
    void listsJobsAndShowsOneWithItsPartitions() throws Exception {
        assertThat(cli.run("predict", "-i", SAMPLES.resolve("iris.csv").toString(), "-o", "p.csv", "-p", "2", "-q")
                .exitCode()).isZero();

        Cli.Result jobs = cli.run("jobs");
        Cli.Result status = cli.run("status", "1");

        assertThat(jobs.exitCode()).isZero();
        assertThat(jobs.out()).contains("COMPLETED").contains("iris_model@1.0.0").contains("150/150");
        assertThat(status.out()).contains("Job 1: COMPLETED").contains("model      iris_model@1.0.0").contains("predictPartition:p0000")
                .contains("predictPartition:p0001");
        assertThat(cli.run("status", "99").err()).contains("No job with id 99");
    }

    @Test
    void hostsModelsNamedInConfigurationAndNamesAClassThatIsNotThere() throws Exception {
        Cli.Result configured = cli.run("models", "--prediction.models[0].class-name=io.predictionbatch.iris.IrisModel");
        Cli.Result missing = cli.run("models", "--prediction.models[0].class-name=com.example.NoSuchModel");

        assertThat(configured.exitCode()).isZero();
        assertThat(configured.out()).containsOnlyOnce("iris_model 1.0.0");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("Model class 'com.example.NoSuchModel' was not found on the class path");
    }

    @Test
    void answersHelpAndVersionWithoutAnyServiceAndStartsNone() throws Exception {
        Cli unreachable = new Cli(work.resolve("home-unreachable"), work, DistributedEnvironment.unreachable());

        Cli.Result version = unreachable.run("--version");
        Cli.Result help = unreachable.run("help", "predict");
        Cli.Result embeddedVersion = cli.run("--version");

        assertThat(version.exitCode()).as(version.err()).isZero();
        assertThat(version.out()).contains("prediction-batch 0.1.0");
        assertThat(help.exitCode()).as(help.err()).isZero();
        assertThat(help.out()).contains("Usage: prediction-batch predict");
        assertThat(embeddedVersion.exitCode()).isZero();
        assertThat(cli.databaseServer()).as("no database server for a version").isEmpty();
    }

    @Test
    void printsHelpForEveryCommand() throws Exception {
        for (String command : List.of("predict", "jobs", "status", "stop", "restart", "clean", "models", "serve",
                "worker")) {
            Cli.Result help = cli.run(command, "--help");
            assertThat(help.exitCode()).isZero();
            assertThat(help.out()).contains("Usage: prediction-batch " + command);
        }
    }
}
