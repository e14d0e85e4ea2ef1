package io.predictionbatch.iris;

import libsvm.svm_node;

/**
 * The one place that turns measurements into LIBSVM's sparse vector, so training and prediction
 * cannot disagree on feature order or indices.
 */
final class SvmFeatures {

    private SvmFeatures() {
    }

    /** Features 1 to 4 in data-set column order, unscaled (the model was trained unscaled). */
    static svm_node[] of(IrisInput input) {
        return new svm_node[] {
            node(1, input.sepalLength()),
            node(2, input.sepalWidth()),
            node(3, input.petalLength()),
            node(4, input.petalWidth()),
        };
    }

    private static svm_node node(int index, double value) {
        svm_node node = new svm_node();
        node.index = index;
        node.value = value;
        return node;
    }
}
