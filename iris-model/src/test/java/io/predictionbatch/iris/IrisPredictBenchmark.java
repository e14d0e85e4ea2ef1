package io.predictionbatch.iris;

import java.util.List;

/**
 * A rough measure of {@link IrisModel#predict} on one thread, kept out of the test run on purpose:
 * timings on a shared CI machine are noise, not a pass/fail criterion.
 *
 * <p>Run after {@code mvn -pl model-core,iris-model install}, from the project root:
 * <pre>
 * java -cp iris-model/target/test-classes:iris-model/target/classes:model-core/target/classes:$HOME/.m2/repository/tw/edu/ntu/csie/libsvm/3.35/libsvm-3.35.jar \
 *     io.predictionbatch.iris.IrisPredictBenchmark
 * </pre>
 */
public final class IrisPredictBenchmark {

    private IrisPredictBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        IrisModel model = new IrisModel();
        List<IrisInput> inputs = IrisDataSet.load().stream().map(IrisDataSet.Sample::input).toList();

        long blackhole = 0;
        for (int pass = 1; pass <= 5; pass++) {
            long start = System.nanoTime();
            for (int round = 0; round < rounds; round++) {
                for (IrisInput input : inputs) {
                    blackhole += model.predict(input).species().length();
                }
            }
            long single = System.nanoTime() - start;

            start = System.nanoTime();
            for (int round = 0; round < rounds; round++) {
                blackhole += model.predict(inputs).size();
            }
            long batch = System.nanoTime() - start;

            long predictions = (long) rounds * inputs.size();
            System.out.printf("pass %d: predict(one) %.0f ns/prediction, predict(list of 150) %.0f ns/prediction"
                    + " (%,d predictions each)%n",
                    pass, single / (double) predictions, batch / (double) predictions, predictions);
        }
        System.out.println("(ignore: " + blackhole + ")");
    }
}
