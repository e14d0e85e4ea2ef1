package io.predictionbatch.model.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import io.predictionbatch.model.MLModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelPackageTest {

    @TempDir
    static Path folder;

    private static ModelRegistry registry;

    @BeforeAll
    static void buildPackages() throws Exception {
        Path models = TestPackages.build(folder.resolve("models"), Path.of(""));
        ClassLoader application = ModelPackageTest.class.getClassLoader();
        registry = ModelRegistry.create(List.of(), application, ModelPackage.scan(models, application));
    }

    @Test
    void hostsTwoPackagesThatUseDifferentVersionsOfOneLibraryInOneJvm() {
        assertThat(predict("lang_old", "Hello")).isEqualTo(List.of("hELLO", "3.12.0"));
        assertThat(predict("lang_new", "Hello")).isEqualTo(List.of("hELLO", "3.17.0"));

        Class<?> oldClass = registry.get("lang_old").model().getClass();
        Class<?> newClass = registry.get("lang_new").model().getClass();
        assertThat(oldClass.getName()).isEqualTo(newClass.getName());
        assertThat(oldClass).isNotSameAs(newClass);
        assertThat(oldClass.getClassLoader().getName()).isEqualTo("model-package lang_old");
    }

    @Test
    void saysWhereEachModelCameFromAndSetsABrokenPackageAsideByName() {
        assertThat(registry.get("lang_old").source()).startsWith("package lang_old (");
        assertThat(registry.get("lang_new").source()).startsWith("package lang_new.jar (");
        assertThat(registry.available()).extracting(HostedModel::qualifiedName).contains("lang_old", "lang_new");
        assertThat(registry.failures()).singleElement().asString()
                .startsWith("Model package broken (")
                .contains("cannot be hosted")
                .contains("io.predictionbatch.test.Missing");
    }

    @Test
    void sharesOnlyTheContractWithAPackage() throws Exception {
        ClassLoader packageLoader = registry.get("lang_old").model().getClass().getClassLoader();

        assertThat(packageLoader.loadClass(MLModel.class.getName())).isSameAs(MLModel.class);
        assertThat(ContractClassLoader.isShared("io.predictionbatch.model.binding.RecordBinder")).isFalse();
        assertThat(ContractClassLoader.isShared("com.fasterxml.jackson.annotation.JsonProperty")).isTrue();
        assertThat(packageLoader.getResource("io/predictionbatch/model/registry/ModelRegistry.class")).isNull();
    }

    private static List<String> predict(String model, String text) {
        @SuppressWarnings("unchecked")
        HostedModel<Object, Object> hosted = (HostedModel<Object, Object>) registry.get(model);
        Object output = hosted.model().predict(hosted.binder().bindJson("{\"text\":\"" + text + "\"}"));
        return hosted.outputFields().values(output).length == 2
                ? List.of(String.valueOf(hosted.outputFields().values(output)[0]),
                        String.valueOf(hosted.outputFields().values(output)[1]))
                : List.of();
    }
}
