package io.predictionbatch.iris;

import io.predictionbatch.model.FieldViolation;
import io.predictionbatch.model.MLModel;
import io.predictionbatch.model.ModelException;
import io.predictionbatch.model.SchemaValidationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_parameter;

/**
 * Predicts the species of an iris flower from its sepal and petal measurements: an RBF-kernel SVC
 * (gamma 0.001, C 100) trained by {@link IrisTrainer} on the first 149 rows of Fisher's Iris data,
 * as the original scikit-learn model was.
 *
 * <p>The constructor loads the trained LIBSVM model shipped on the class path, which is the cost
 * the model registry's cache saves. One instance serves any number of threads: LIBSVM's
 * {@code svm_predict} only reads the model.
 */
public final class IrisModel implements MLModel<IrisInput, IrisPrediction> {

    static final String MODEL_RESOURCE = "iris-svc.model";

    // Indexed by LIBSVM label; shared immutable instances, so predicting allocates no output.
    private static final IrisPrediction[] PREDICTION_BY_LABEL = {
        IrisPrediction.SETOSA, IrisPrediction.VERSICOLOR, IrisPrediction.VIRGINICA,
    };

    private final svm_model model;

    /** Loads the shipped model; fails with a {@link ModelException} if it is missing or unreadable. */
    public IrisModel() {
        this(loadShippedModel());
    }

    /** Wraps a trained model, after checking it is the three-class C-SVC this class expects. */
    IrisModel(svm_model model) {
        checkShape(model);
        this.model = model;
    }

    @Override
    public String qualifiedName() {
        return "iris_model";
    }

    @Override
    public String displayName() {
        return "Iris Model";
    }

    @Override
    public String description() {
        return "Predicts the species of an iris flower (setosa, versicolor or virginica) from its sepal"
                + " and petal length and width in centimetres, with an RBF-kernel support vector"
                + " classifier trained on Fisher's Iris data.";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public Class<IrisInput> inputType() {
        return IrisInput.class;
    }

    @Override
    public Class<IrisPrediction> outputType() {
        return IrisPrediction.class;
    }

    @Override
    public IrisPrediction predict(IrisInput input) {
        if (input == null) {
            throw new ModelException("No input record to predict");
        }
        // One branch on the hot path; the detailed report is built only for a bad record.
        if (!(Double.isFinite(input.sepalLength()) && Double.isFinite(input.sepalWidth())
                && Double.isFinite(input.petalLength()) && Double.isFinite(input.petalWidth()))) {
            throw nonFinite(input);
        }
        // A fresh node array per call keeps this thread-safe without a ThreadLocal; reusing one
        // measured no faster, as the time goes to one RBF kernel per support vector. For the same
        // reason the list variant of predict is not overridden.
        double label = svm.svm_predict(model, SvmFeatures.of(input));
        return PREDICTION_BY_LABEL[(int) label];
    }

    /** Number of support vectors of the loaded model, for reports and tests. */
    int supportVectorCount() {
        return model.l;
    }

    private static SchemaValidationException nonFinite(IrisInput input) {
        List<FieldViolation> violations = new ArrayList<>(4);
        addIfNonFinite(violations, "sepal_length", input.sepalLength());
        addIfNonFinite(violations, "sepal_width", input.sepalWidth());
        addIfNonFinite(violations, "petal_length", input.petalLength());
        addIfNonFinite(violations, "petal_width", input.petalWidth());
        return new SchemaValidationException(violations);
    }

    private static void addIfNonFinite(List<FieldViolation> violations, String field, double value) {
        if (!Double.isFinite(value)) {
            violations.add(new FieldViolation(field, Double.toString(value), "is not a finite number"));
        }
    }

    private static svm_model loadShippedModel() {
        InputStream in = IrisModel.class.getResourceAsStream(MODEL_RESOURCE);
        if (in == null) {
            throw new ModelException("The trained Iris model is missing: class path resource "
                    + IrisModel.class.getPackageName().replace('.', '/') + "/" + MODEL_RESOURCE
                    + " not found; rebuild iris-model (see IrisTrainer to retrain it)");
        }
        svm_model loaded;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            loaded = svm.svm_load_model(reader);
        } catch (IOException | RuntimeException e) {
            // LIBSVM reports a malformed file with whatever parsing exception it hits first.
            throw new ModelException("Cannot read the trained Iris model " + MODEL_RESOURCE + ": " + e, e);
        }
        if (loaded == null) {
            throw new ModelException("The trained Iris model " + MODEL_RESOURCE + " is not a valid LIBSVM model file");
        }
        return loaded;
    }

    private static void checkShape(svm_model model) {
        if (svm.svm_get_svm_type(model) != svm_parameter.C_SVC || svm.svm_get_nr_class(model) != 3) {
            throw new ModelException("The Iris model must be a three-class C-SVC");
        }
        int[] labels = new int[3];
        svm.svm_get_labels(model, labels);
        Arrays.sort(labels);
        if (!Arrays.equals(labels, new int[] {0, 1, 2})) {
            throw new ModelException("The Iris model's labels must be 0, 1 and 2, found "
                    + Arrays.toString(labels));
        }
    }
}
