package io.predictionbatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.predictionbatch.model.registry.TestPackages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end: models deployed as packages in a models directory, each with its own version of
 * commons-lang3 (model-core's test packages), hosted by the packaged command line beside the Iris
 * model on its class path; and the shipped ONNX package of the Iris model.
 */
class ModelPackagesIT {


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
    void hostsPackagesWithTheirOwnLibrariesAndSaysWhereEachModelComesFrom() throws Exception {
        Path models = TestPackages.build(work.resolve("models"), Path.of("../model-core"));
        Path input = Files.writeString(work.resolve("texts.csv"), "id,text\n1,Hello\n2,aBc\n");

        Cli.Result listed = cli.run("models", "--models-dir", models.toString());
        Cli.Result old = cli.run("predict", "--models-dir=" + models, "-m", "lang_old", "-i", input.toString(), "-o",
                "old.csv", "-k", "id", "-q");
        Cli.Result latest = cli.run("predict", "-m", "lang_new", "-i", input.toString(), "-o", "new.csv", "-k", "id",
                "-q", "--prediction.models-dir=" + models);

        assertThat(listed.exitCode()).isEqualTo(1);
        assertThat(listed.out()).contains("iris_model 1.0.0", "from:          class path")
                .contains("lang_old 1.0.0", "from:          package lang_old (" + models.resolve("lang_old"))
                .contains("lang_new 1.0.0", "from:          package lang_new.jar (" + models.resolve("lang_new.jar"));
        assertThat(listed.err()).contains("not hosted: Model package broken (")
                .contains("io.predictionbatch.test.Missing");
        assertThat(old.exitCode()).as(old.err()).isZero();
        assertThat(Files.readAllLines(work.resolve("old.csv")))
                .containsExactly("line,id,text,library,model_version", "2,1,hELLO,3.12.0,1.0.0", "3,2,AbC,3.12.0,1.0.0");
        assertThat(latest.exitCode()).as(latest.err()).isZero();
        assertThat(Files.readAllLines(work.resolve("new.csv"))).contains("2,1,hELLO,3.17.0,1.0.0");
    }

    @Test
    void scoresWithTheShippedOnnxPackageExactlyAsTheLibsvmModelDoes() throws Exception {
        Path models = Path.of("../models").toAbsolutePath().normalize();
        List<String> iris = Files.readAllLines(Path.of("../sample-data/iris.csv"));
        Path input = work.resolve("iris.csv");
        Files.write(input, iris);
        Files.writeString(input, "151,5.1,abc,1.4,0.2,setosa\n", java.nio.file.StandardOpenOption.APPEND);

        Cli.Result listed = cli.run("models", "--models-dir", models.toString());
        Cli.Result onnx = cli.run("predict", "--models-dir", models.toString(), "-m", "iris_onnx", "-i",
                input.toString(), "-o", "onnx.csv", "-k", "id", "-q");
        Cli.Result libsvm = cli.run("predict", "-m", "iris_model", "-i", input.toString(), "-o", "libsvm.csv", "-k",
                "id", "-q");

        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out()).contains("iris_onnx 1.0.0: Iris Model (ONNX)",
                "from:          package iris-onnx (" + models.resolve("iris-onnx") + ", onnx model)");
        assertThat(onnx.exitCode()).as(onnx.err()).isZero();
        assertThat(libsvm.exitCode()).as(libsvm.err()).isZero();
        List<String> predicted = Files.readAllLines(work.resolve("onnx.csv"));
        assertThat(predicted).hasSize(151).isEqualTo(Files.readAllLines(work.resolve("libsvm.csv")));
        assertThat(predicted).contains("2,1,setosa,1.0.0", "151,150,virginica,1.0.0");
        assertThat(Files.readString(work.resolve("onnx.errors.csv")))
                .contains("152", "sepal_width: 'abc' is not a number");
    }

    @Test
    void hostsTwoVersionsOfAModelAndRecordsWhichOneMadeEachPrediction() throws Exception {
        Path models = Files.createDirectories(work.resolve("models"));
        for (String version : List.of("1.0.0", "1.10.0", "1.9.0")) {
            Path dir = Files.createDirectories(models.resolve("iris-onnx-" + version));
            Path shipped = Path.of("../models/iris-onnx");
            Files.copy(shipped.resolve("iris-svc.onnx"), dir.resolve("iris-svc.onnx"));
            Files.writeString(dir.resolve("model.yaml"), Files.readString(shipped.resolve("model.yaml"))
                    .replace("version: 1.0.0", "version: " + version));
        }
        Path input = Path.of("../sample-data/iris.jsonl").toAbsolutePath();

        Cli.Result listed = cli.run("models", "--models-dir", models.toString());
        Cli.Result newest = cli.run("predict", "--models-dir", models.toString(), "-m", "iris_onnx", "-i",
                input.toString(), "-o", "newest.csv", "-q");
        Cli.Result pinned = cli.run("predict", "--models-dir", models.toString(), "-m", "iris_onnx@1.9.0", "-i",
                input.toString(), "-o", "pinned.csv", "-q");
        Cli.Result missing = cli.run("predict", "--models-dir", models.toString(), "-m", "iris_onnx@2.0.0", "-i",
                input.toString(), "-o", "missing.csv", "-q");

        assertThat(listed.out()).contains("iris_onnx 1.0.0", "iris_onnx 1.9.0", "iris_onnx 1.10.0");
        assertThat(newest.exitCode()).as(newest.err()).isZero();
        assertThat(Files.readAllLines(work.resolve("newest.csv"))).hasSize(151)
                .startsWith("line,species,model_version", "1,setosa,1.10.0");
        assertThat(pinned.exitCode()).as(pinned.err()).isZero();
        assertThat(cli.run("jobs").out()).contains("iris_onnx@1.10.0",
                "iris_onnx@1.9.0");
        assertThat(Files.readAllLines(work.resolve("pinned.csv"))).element(1).isEqualTo("1,setosa,1.9.0");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("Model 'iris_onnx' has no version '2.0.0'. Hosted versions: 1.0.0, 1.9.0,"
                + " 1.10.0");
    }
}
