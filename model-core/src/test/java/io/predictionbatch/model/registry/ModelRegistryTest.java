package io.predictionbatch.model.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.predictionbatch.model.registry.TestModels.BadNameModel;
import io.predictionbatch.model.registry.TestModels.DiscoveredModel;
import io.predictionbatch.model.registry.TestModels.DotDotModel;
import io.predictionbatch.model.registry.TestModels.EchoModel;
import io.predictionbatch.model.registry.TestModels.FailingModel;
import io.predictionbatch.model.registry.TestModels.IrisModel;
import io.predictionbatch.model.registry.TestModels.Measurement;
import io.predictionbatch.model.registry.TestModels.MiddleIrisModel;
import io.predictionbatch.model.registry.TestModels.NeedsArgumentModel;
import io.predictionbatch.model.registry.TestModels.NewerIrisModel;
import io.predictionbatch.model.registry.TestModels.NotAModel;
import io.predictionbatch.model.registry.TestModels.OtherIrisModel;
import io.predictionbatch.model.registry.TestModels.SimpleModel;
import io.predictionbatch.model.registry.TestModels.SlowModel;
import io.predictionbatch.model.registry.TestModels.ThirdModel;
import io.predictionbatch.model.registry.TestModels.UnbindableModel;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {

    private static final ClassLoader LOADER = ModelRegistryTest.class.getClassLoader();

    @TempDir
    Path servicesRoot;

    @BeforeEach
    void resetCounters() {
        TestModels.reset();
    }

    @Test
    void hostsConfiguredModelByQualifiedName() {
        ModelRegistry registry = ModelRegistry.create(List.of(IrisModel.class.getName()), LOADER);

        HostedModel<?, ?> hosted = registry.get("test_iris");

        assertThat(hosted.model()).isInstanceOf(IrisModel.class);
        assertThat(hosted.qualifiedName()).isEqualTo("test_iris");
        assertThat(hosted.version()).isEqualTo("1.0");
        assertThat(hosted.binder().fieldNames()).containsExactly("value");
        assertThat(hosted.outputFields().fieldNames()).containsExactly("score");
    }

    @Test
    void hostedModelBindsPredictsAndFlattens() {
        @SuppressWarnings("unchecked")
        HostedModel<Measurement, TestModels.Score> hosted = (HostedModel<Measurement, TestModels.Score>)
                ModelRegistry.create(List.of(IrisModel.class.getName()), LOADER).get("test_iris");

        Object[] values = hosted.outputFields().values(hosted.model().predict(hosted.binder().bindText(Map.of("value", "2.5"))));

        assertThat(values).containsExactly(5.0);
    }

    @Test
    void createsNoModelUntilOneIsNeeded() {
        ModelRegistry registry = ModelRegistry.create(List.of(IrisModel.class.getName(), EchoModel.class.getName()), LOADER);

        assertThat(registry.classNames()).containsExactly(IrisModel.class.getName(), EchoModel.class.getName());
        assertThat(TestModels.CREATED).isEmpty();
    }

    @Test
    void createsEachModelOnceAcrossLookups() {
        ModelRegistry registry = ModelRegistry.create(List.of(IrisModel.class.getName()), LOADER);

        HostedModel<?, ?> first = registry.get("test_iris");
        HostedModel<?, ?> second = registry.get("test_iris");

        assertThat(second).isSameAs(first);
        assertThat(registry.all()).containsExactly(first);
        assertThat(TestModels.CREATED).containsExactly("test_iris");
    }

    @Test
    void tellsOfEachModelOnceItIsCreatedWithHowLongItTook() {
        List<ModelLoad> loads = new ArrayList<>();
        ModelRegistry registry = ModelRegistry.create(List.of(IrisModel.class.getName(), FailingModel.class.getName()),
                LOADER, List.of(), loads::add);
        assertThat(loads).as("nothing created yet").isEmpty();

        registry.get("test_iris");
        registry.get("test_iris");
        registry.available();

        assertThat(loads).singleElement().satisfies(load -> {
            assertThat(load.qualifiedName()).isEqualTo("test_iris");
            assertThat(load.version()).isEqualTo(registry.get("test_iris").version());
            assertThat(load.source()).isEqualTo(HostedModel.CLASS_PATH);
            assertThat(load.time()).isPositive();
        });
    }

    @Test
    void createsModelOnceUnderConcurrentLookups() throws Exception {
        ModelRegistry registry = ModelRegistry.create(List.of(SlowModel.class.getName()), LOADER);
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<HostedModel<?, ?>>> lookups = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                lookups.add(pool.submit(() -> {
                    start.await();
                    return registry.get("slow");
                }));
            }
            start.countDown();

            HostedModel<?, ?> first = lookups.get(0).get();
            for (Future<HostedModel<?, ?>> lookup : lookups) {
                assertThat(lookup.get()).isSameAs(first);
            }
            assertThat(TestModels.CREATED).containsExactly("slow");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void lookupOfAVersionCreatesClassesInOrderOnlyUntilItIsFound() {
        ModelRegistry registry = ModelRegistry.create(
                List.of(IrisModel.class.getName(), EchoModel.class.getName(), ThirdModel.class.getName()), LOADER);

        registry.get("echo@1.0");

        assertThat(TestModels.CREATED).containsExactly("test_iris", "echo");
    }

    @Test
    void lookupByNameCreatesEveryClassToFindTheNewestVersion() {
        ModelRegistry registry = ModelRegistry.create(
                List.of(IrisModel.class.getName(), EchoModel.class.getName(), ThirdModel.class.getName()), LOADER);

        registry.get("echo");

        assertThat(TestModels.CREATED).containsExactly("test_iris", "echo", "third.model-v2");
    }

    @Test
    void rejectsUnknownNameListingAvailableModels() {
        ModelRegistry registry = ModelRegistry.create(List.of(IrisModel.class.getName(), EchoModel.class.getName()), LOADER);

        assertThatThrownBy(() -> registry.get("foo"))
                .isInstanceOfSatisfying(UnknownModelException.class, e -> {
                    assertThat(e.requestedName()).isEqualTo("foo");
                    assertThat(e.availableNames()).containsExactly("test_iris", "echo");
                })
                .hasMessage("Unknown model 'foo'. Available models: test_iris, echo");
    }

    @Test
    void rejectsUnknownNameInEmptyRegistry() {
        assertThatThrownBy(() -> ModelRegistry.create(List.of(), LOADER).get("iris_model"))
                .isInstanceOf(UnknownModelException.class)
                .hasMessage("Unknown model 'iris_model'. Available models: none");
    }

    @Test
    void rejectsClassThatIsNotOnTheClassPath() {
        assertThatThrownBy(() -> ModelRegistry.create(List.of("com.x.Foo"), LOADER))
                .isInstanceOf(ModelRegistryException.class)
                .hasMessage("Model class 'com.x.Foo' was not found on the class path");
    }

    @Test
    void rejectsClassThatIsNotAModel() {
        assertThatThrownBy(() -> ModelRegistry.create(List.of(NotAModel.class.getName()), LOADER))
                .isInstanceOf(ModelRegistryException.class)
                .hasMessage("Model class '" + NotAModel.class.getName()
                        + "' does not implement io.predictionbatch.model.MLModel");
    }

    @Test
    void rejectsClassWithoutPublicNoArgumentConstructor() {
        assertThatThrownBy(() -> ModelRegistry.create(List.of(NeedsArgumentModel.class.getName()), LOADER))
                .isInstanceOf(ModelRegistryException.class)
                .hasMessageStartingWith("Model class '" + NeedsArgumentModel.class.getName()
                        + "' has no public no-argument constructor");
    }

    @Test
    void rejectsAbstractAndNonPublicClasses() {
        assertThatThrownBy(() -> ModelRegistry.create(List.of(SimpleModel.class.getName()), LOADER))
                .isInstanceOf(ModelRegistryException.class)
                .hasMessageContaining("is abstract");
        assertThatThrownBy(() -> ModelRegistry.create(List.of(TestModels.class.getName() + "$HiddenModel"), LOADER))
                .isInstanceOf(ModelRegistryException.class)
                .hasMessageContaining("is not public");
    }

    @Test
    void rejectsEmptyClassName() {
        assertThatThrownBy(() -> ModelRegistry.create(List.of(" "), LOADER))
                .isInstanceOf(ModelRegistryException.class)
                .hasMessage("A configured model class name is empty");
    }

    @Test
    void reportsConstructorFailureAndRemembersIt() {
        ModelRegistry registry = ModelRegistry.create(List.of(FailingModel.class.getName()), LOADER);

        assertThatThrownBy(registry::all)
                .isInstanceOf(ModelRegistryException.class)
                .hasMessage("Model class '" + FailingModel.class.getName()
                        + "' failed to load: model file failing.model is missing")
                .hasRootCauseInstanceOf(IllegalStateException.class);
        assertThatThrownBy(registry::all).hasMessageContaining("failed to load");
        assertThat(TestModels.FAILING_ATTEMPTS).hasValue(1);
    }

    @Test
    void skipsFailedModelWhenLookingUpAnotherAndNamesItWhenUnknown() {
        ModelRegistry registry = ModelRegistry.create(
                List.of(FailingModel.class.getName(), EchoModel.class.getName()), LOADER);

        assertThat(registry.get("echo").model()).isInstanceOf(EchoModel.class);
        assertThatThrownBy(() -> registry.get("failing"))
                .isInstanceOf(UnknownModelException.class)
                .hasMessage("Unknown model 'failing'. Available models: echo. Unavailable because they failed to load: "
                        + "Model class '" + FailingModel.class.getName()
                        + "' failed to load: model file failing.model is missing");
    }

    @Test
    void rejectsQualifiedNameNotUsableInUrl() {
        ModelRegistry registry = ModelRegistry.create(List.of(BadNameModel.class.getName(), DotDotModel.class.getName()), LOADER);

        assertThatThrownBy(registry::all)
                .isInstanceOf(ModelRegistryException.class)
                .hasMessageStartingWith("Model class '" + BadNameModel.class.getName()
                        + "' has the qualified name 'Iris Model', which cannot be used in a URL")
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement()
                        .extracting(Throwable::getMessage).asString().contains("'..'"));
    }

    @Test
    void acceptsQualifiedNameWithDotsAndDashes() {
        ModelRegistry registry = ModelRegistry.create(List.of(ThirdModel.class.getName()), LOADER);

        assertThat(registry.get("third.model-v2").model()).isInstanceOf(ThirdModel.class);
    }

    @Test
    void reportsModelWhoseInputTypeCannotBeBound() {
        ModelRegistry registry = ModelRegistry.create(List.of(UnbindableModel.class.getName()), LOADER);

        assertThatThrownBy(registry::all)
                .isInstanceOf(ModelRegistryException.class)
                .hasMessageStartingWith("Model class '" + UnbindableModel.class.getName() + "' cannot be hosted: ")
                .hasMessageContaining("java.lang.String");
    }

    @Test
    void hostsFirstOfTwoClassesWithTheSameQualifiedNameAndVersion() {
        ModelRegistry registry = ModelRegistry.create(
                List.of(IrisModel.class.getName(), OtherIrisModel.class.getName()), LOADER);

        assertThat(registry.get("test_iris").model()).isInstanceOf(IrisModel.class);
        assertThatThrownBy(registry::all)
                .isInstanceOf(ModelRegistryException.class)
                .hasMessageStartingWith("Models '" + IrisModel.class.getName() + "' (class path) and '"
                        + OtherIrisModel.class.getName() + "' (class path) are both version 1.0 of 'test_iris'");
        assertThat(registry.get("test_iris").model()).isInstanceOf(IrisModel.class);
    }

    @Test
    void hostsVersionsSideBySideAndGivesTheNewestByName() {
        ModelRegistry registry = ModelRegistry.create(List.of(MiddleIrisModel.class.getName(),
                NewerIrisModel.class.getName(), IrisModel.class.getName()), LOADER);

        assertThat(registry.get("test_iris").version()).isEqualTo("1.10");
        assertThat(registry.get("test_iris@1.0").model()).isInstanceOf(IrisModel.class);
        assertThat(registry.get("test_iris@1.9").model()).isInstanceOf(MiddleIrisModel.class);
        assertThat(registry.all()).hasSize(3);
        assertThatThrownBy(() -> registry.get("test_iris@2.0"))
                .isInstanceOf(UnknownModelException.class)
                .hasMessage("Model 'test_iris' has no version '2.0'. Hosted versions: 1.0, 1.9, 1.10");
    }

    @Test
    void mergesDuplicateClassNames() {
        ModelRegistry registry = ModelRegistry.create(
                List.of(IrisModel.class.getName(), " " + IrisModel.class.getName() + " "), LOADER);

        assertThat(registry.classNames()).containsExactly(IrisModel.class.getName());
        assertThat(registry.all()).hasSize(1);
    }

    @Test
    void discoversRegisteredModelsWithoutInstantiatingThem() throws IOException {
        try (URLClassLoader loader = loaderRegistering(DiscoveredModel.class.getName())) {
            ModelRegistry registry = ModelRegistry.create(List.of(IrisModel.class.getName()), loader);

            assertThat(registry.classNames()).containsExactly(IrisModel.class.getName(), DiscoveredModel.class.getName());
            assertThat(TestModels.CREATED).isEmpty();
            assertThat(registry.get("discovered").model()).isInstanceOf(DiscoveredModel.class);
        }
    }

    @Test
    void mergesModelBothConfiguredAndRegistered() throws IOException {
        try (URLClassLoader loader = loaderRegistering(DiscoveredModel.class.getName())) {
            ModelRegistry registry = ModelRegistry.create(List.of(DiscoveredModel.class.getName()), loader);

            assertThat(registry.classNames()).containsExactly(DiscoveredModel.class.getName());
        }
    }

    @Test
    void rejectsBrokenServiceRegistration() throws IOException {
        try (URLClassLoader loader = loaderRegistering("com.x.Missing")) {
            assertThatThrownBy(() -> ModelRegistry.create(List.of(), loader))
                    .isInstanceOf(ModelRegistryException.class)
                    .hasMessageStartingWith("A model registered in META-INF/services/io.predictionbatch.model.MLModel"
                            + " cannot be used: ")
                    .hasMessageContaining("com.x.Missing");
        }
    }

    /** A class loader that sees the test classes plus a service registration of the given names. */
    private URLClassLoader loaderRegistering(String... classNames) throws IOException {
        Path services = servicesRoot.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.write(services.resolve("io.predictionbatch.model.MLModel"), List.of(classNames));
        return new URLClassLoader(new URL[] {servicesRoot.toUri().toURL()}, LOADER);
    }
}
