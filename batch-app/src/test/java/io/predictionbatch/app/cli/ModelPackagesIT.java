package io.predictionbatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.ToolProvider;

import io.predictionbatch.model.MLModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end: models deployed as packages in a models directory, each with its own version of
 * commons-lang3 (the test model of model-core, built here), hosted by the packaged command line
 * beside the Iris model on its class path.
 */
class ModelPackagesIT {

    private static final Path MODEL_SOURCE = Path.of("../model-core/src/test/packages/LangVersionModel.java");
    private static final Path LIBRARIES = Path.of("../model-core/target/package-test-libraries");

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
        Path models = work.resolve("models");
        buildPackage(models.resolve("lang_old"), "lang_old", "3.12.0");
        buildPackage(models.resolve("lang_new"), "lang_new", "3.17.0");
        Path broken = Files.createDirectories(models.resolve("broken/META-INF/services"));
        Files.writeString(broken.resolve(MLModel.class.getName()), "io.predictionbatch.test.Missing\n");
        Path input = Files.writeString(work.resolve("texts.csv"), "id,text\n1,Hello\n2,aBc\n");

        Cli.Result listed = cli.run("models", "--models-dir", models.toString());
        Cli.Result old = cli.run("predict", "--models-dir=" + models, "-m", "lang_old", "-i", input.toString(), "-o",
                "old.csv", "-k", "id", "-q");
        Cli.Result latest = cli.run("predict", "-m", "lang_new", "-i", input.toString(), "-o", "new.csv", "-k", "id",
                "-q", "--prediction.models-dir=" + models);

        assertThat(listed.exitCode()).isEqualTo(1);
        assertThat(listed.out()).contains("iris_model 1.0.0", "from:          class path")
                .contains("lang_old 1.0.0", "from:          package lang_old (" + models.resolve("lang_old"))
                .contains("lang_new 1.0.0", "from:          package lang_new (");
        assertThat(listed.err()).contains("not hosted: Model package broken (")
                .contains("io.predictionbatch.test.Missing");
        assertThat(old.exitCode()).as(old.err()).isZero();
        assertThat(Files.readAllLines(work.resolve("old.csv")))
                .containsExactly("line,id,text,library", "2,1,hELLO,3.12.0", "3,2,AbC,3.12.0");
        assertThat(latest.exitCode()).as(latest.err()).isZero();
        assertThat(Files.readAllLines(work.resolve("new.csv"))).contains("2,1,hELLO,3.17.0");
    }

    /** A directory package: the compiled model, its service file and name, the library in lib/. */
    private static void buildPackage(Path folder, String name, String libraryVersion) throws Exception {
        Path library = LIBRARIES.resolve("commons-lang3-" + libraryVersion + ".jar");
        Files.createDirectories(folder.resolve("lib"));
        Files.createDirectories(folder.resolve("META-INF/services"));
        String classPath = Path.of(MLModel.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                + File.pathSeparator + library.toAbsolutePath();
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", folder.toString(), "-cp",
                classPath, MODEL_SOURCE.toString());
        assertThat(compiled).as("the test model compiles").isZero();
        Files.copy(library, folder.resolve("lib").resolve(library.getFileName()));
        Files.writeString(folder.resolve("META-INF/services/" + MLModel.class.getName()),
                "io.predictionbatch.test.lang.LangVersionModel\n");
        Files.writeString(folder.resolve("lang-model.properties"), "name=" + name + "\n");
    }
}
