package io.predictionbatch.iris;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_node;
import libsvm.svm_parameter;
import libsvm.svm_problem;

/**
 * Retrains the model that {@link IrisModel} ships, and writes it as a LIBSVM model file.
 *
 * <p>It reproduces the original scikit-learn model, {@code SVC(gamma=0.001, C=100.)} fitted with
 * {@code clf.fit(iris.data[:-1], iris.target[:-1])}: an RBF C-SVC on the first 149 rows, with
 * scikit-learn's defaults for the rest (tolerance 1e-3, 200 MB kernel cache, shrinking, no
 * probability estimates) and no feature scaling. Training is deterministic, so a retrained model
 * predicts exactly as the shipped one.
 *
 * <p>To retrain, from the project root, build the module and run the trainer with the built jar and
 * LIBSVM's jar (the output path is optional and defaults to the shipped resource, relative to the
 * project root):
 *
 * <pre>
 * mvn -q -B -pl model-core,iris-model install -DskipTests
 * java -cp iris-model/target/iris-model-0.1.0-SNAPSHOT.jar:$HOME/.m2/repository/tw/edu/ntu/csie/libsvm/3.35/libsvm-3.35.jar \
 *     io.predictionbatch.iris.IrisTrainer [iris-model/src/main/resources/io/predictionbatch/iris/iris-svc.model]
 * </pre>
 *
 * <p>then rebuild, so the jar carries the new file. The trainer needs neither model-core nor
 * Jackson at run time, hence the short class path.
 */
public final class IrisTrainer {

    /** The shipped resource, relative to the project root. */
    static final Path DEFAULT_OUTPUT =
            Path.of("iris-model/src/main/resources/io/predictionbatch/iris/" + IrisModel.MODEL_RESOURCE);

    /** The original model held the last row back, so it can be scored as unseen. */
    static final int TRAINING_ROWS = 149;

    private IrisTrainer() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 1) {
            System.err.println("Usage: IrisTrainer [output-model-file]   (default " + DEFAULT_OUTPUT + ")");
            System.exit(2);
        }
        Path output = args.length == 1 ? Path.of(args[0]) : DEFAULT_OUTPUT;
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            System.err.println("Folder " + parent + " does not exist: run from the project root or pass"
                    + " the output file as the argument");
            System.exit(2);
        }
        svm_model model = train();
        save(model, output);
        System.out.printf("Trained on %d rows: %d support vectors; wrote %s%n",
                TRAINING_ROWS, model.l, output);
    }

    /** Trains on the first {@value #TRAINING_ROWS} rows of the Iris data. */
    static svm_model train() {
        List<IrisDataSet.Sample> samples = IrisDataSet.load().subList(0, TRAINING_ROWS);
        svm_problem problem = new svm_problem();
        problem.l = samples.size();
        problem.x = new svm_node[problem.l][];
        problem.y = new double[problem.l];
        for (int i = 0; i < problem.l; i++) {
            problem.x[i] = SvmFeatures.of(samples.get(i).input());
            problem.y[i] = samples.get(i).label();
        }
        svm_parameter parameters = parameters();
        String error = svm.svm_check_parameter(problem, parameters);
        if (error != null) {
            throw new IllegalStateException("LIBSVM refused the parameters: " + error);
        }
        // LIBSVM prints its optimiser's progress to stdout unless told otherwise; the setting is
        // global, which is harmless in a trainer and keeps a test's output clean.
        svm.svm_set_print_string_function(message -> { });
        return svm.svm_train(problem, parameters);
    }

    /** scikit-learn's {@code SVC(gamma=0.001, C=100.)}, spelled out in LIBSVM's terms. */
    static svm_parameter parameters() {
        svm_parameter p = new svm_parameter();
        p.svm_type = svm_parameter.C_SVC;
        p.kernel_type = svm_parameter.RBF;
        p.gamma = 0.001;
        p.C = 100;
        p.eps = 1e-3;
        p.cache_size = 200;
        p.shrinking = 1;
        p.probability = 0;
        // Unused by an RBF C-SVC, but set to scikit-learn's values so the saved file reads the same.
        p.degree = 3;
        p.coef0 = 0;
        p.nu = 0.5;
        p.p = 0.1;
        p.nr_weight = 0;
        p.weight_label = new int[0];
        p.weight = new double[0];
        return p;
    }

    static void save(svm_model model, Path output) throws IOException {
        svm.svm_save_model(output.toString(), model);
    }
}
