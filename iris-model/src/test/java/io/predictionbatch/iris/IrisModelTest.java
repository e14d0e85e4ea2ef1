package io.predictionbatch.iris;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.predictionbatch.model.FieldViolation;
import io.predictionbatch.model.MLModel;
import io.predictionbatch.model.ModelException;
import io.predictionbatch.model.SchemaValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IrisModelTest {

    private static IrisModel model;
    private static List<IrisDataSet.Sample> samples;

    @BeforeAll
    static void loadModel() {
        model = new IrisModel();
        samples = IrisDataSet.load();
    }

    @Test
    void describesItselfForTheRegistry() {
        assertThat(model.qualifiedName()).isEqualTo("iris_model");
        assertThat(model.displayName()).isEqualTo("Iris Model");
        assertThat(model.description()).isNotBlank();
        assertThat(model.version()).isEqualTo("1.0.0");
        assertThat(model.inputType()).isEqualTo(IrisInput.class);
        assertThat(model.outputType()).isEqualTo(IrisPrediction.class);
    }

    @Test
    void loadsTheShippedModelWithItsSupportVectors() {
        // scikit-learn's SVC(gamma=0.001, C=100.) on the same rows keeps 4 + 23 + 20 vectors.
        assertThat(model.supportVectorCount()).isEqualTo(47);
    }

    @Test
    void predictsSetosaForTheOriginalExampleFlower() {
        assertThat(model.predict(new IrisInput(5.0, 3.2, 1.2, 0.2)).species()).isEqualTo("setosa");
    }

    @Test
    void predictsTheSpeciesOfARowOfEachSpecies() {
        assertThat(model.predict(new IrisInput(5.1, 3.5, 1.4, 0.2))).isEqualTo(IrisPrediction.SETOSA);
        assertThat(model.predict(new IrisInput(7.0, 3.2, 4.7, 1.4))).isEqualTo(IrisPrediction.VERSICOLOR);
        assertThat(model.predict(new IrisInput(6.3, 3.3, 6.0, 2.5))).isEqualTo(IrisPrediction.VIRGINICA);
    }

    @Test
    void predictsTheHeldOutLastRowRight() {
        IrisDataSet.Sample last = samples.get(149);

        assertThat(model.predict(last.input()).species()).isEqualTo(last.species()).isEqualTo("virginica");
    }

    @Test
    void classifies147OfThe150IrisRowsCorrectly() {
        List<Integer> wrong = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            if (!model.predict(samples.get(i).input()).species().equals(samples.get(i).species())) {
                wrong.add(i);
            }
        }
        int correct = samples.size() - wrong.size();
        System.out.printf("Iris model accuracy on all 150 rows: %d/%d = %.4f (misclassified rows, 0-based: %s)%n",
                correct, samples.size(), correct / (double) samples.size(), wrong);

        // The same three rows scikit-learn's SVC(gamma=0.001, C=100.) gets wrong: two versicolor
        // taken for virginica and one virginica taken for versicolor.
        assertThat(correct).isEqualTo(147);
        assertThat(wrong).containsExactly(77, 83, 106);
    }

    @Test
    void predictsAListInOrder() {
        List<IrisInput> inputs = samples.stream().map(IrisDataSet.Sample::input).toList();

        List<IrisPrediction> batch = model.predict(inputs);

        assertThat(batch).containsExactlyElementsOf(inputs.stream().map(model::predict).toList());
    }

    @Test
    void predictsTheSameFromManyThreadsAsFromOne() throws Exception {
        List<IrisPrediction> expected = samples.stream().map(s -> model.predict(s.input())).toList();
        int threads = 8;
        int rounds = 200;
        Callable<Boolean> task = () -> {
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < samples.size(); i++) {
                    if (!model.predict(samples.get(i).input()).equals(expected.get(i))) {
                        return false;
                    }
                }
            }
            return true;
        };
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> results = pool.invokeAll(IntStream.range(0, threads).mapToObj(t -> task).toList());

            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rejectsANonFiniteValueNamingTheField() {
        assertThatThrownBy(() -> model.predict(new IrisInput(5.0, 3.2, 1.2, Double.NaN)))
                .isInstanceOfSatisfying(SchemaValidationException.class, e -> assertThat(e.violations())
                        .containsExactly(new FieldViolation("petal_width", "NaN", "is not a finite number")))
                .hasMessageContaining("petal_width");
    }

    @Test
    void rejectsEveryNonFiniteFieldAtOnce() {
        IrisInput input = new IrisInput(Double.POSITIVE_INFINITY, 3.2, Double.NEGATIVE_INFINITY, 0.2);

        assertThatThrownBy(() -> model.predict(input))
                .isInstanceOfSatisfying(SchemaValidationException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field)
                        .containsExactly("sepal_length", "petal_length"));
    }

    @Test
    void rejectsAMissingInput() {
        assertThatThrownBy(() -> model.predict((IrisInput) null)).isInstanceOf(ModelException.class);
    }

    @Test
    @SuppressWarnings("rawtypes")
    void isFoundByTheServiceLoader() {
        List<MLModel<?, ?>> found = new ArrayList<>();
        for (MLModel<?, ?> registered : ServiceLoader.load(MLModel.class)) {
            found.add(registered);
        }

        assertThat(found).hasAtLeastOneElementOfType(IrisModel.class);
    }
}
