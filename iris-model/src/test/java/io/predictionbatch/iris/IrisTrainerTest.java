package io.predictionbatch.iris;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import libsvm.svm;
import libsvm.svm_model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IrisTrainerTest {

    @Test
    void retrainedModelPredictsExactlyAsTheShippedOne(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("retrained.model");

        IrisTrainer.main(new String[] {file.toString()});

        IrisModel shipped = new IrisModel();
        IrisModel retrained = new IrisModel(svm.svm_load_model(file.toString()));
        List<IrisInput> inputs = IrisDataSet.load().stream().map(IrisDataSet.Sample::input).toList();
        assertThat(retrained.supportVectorCount()).isEqualTo(shipped.supportVectorCount());
        assertThat(retrained.predict(inputs)).containsExactlyElementsOf(shipped.predict(inputs));
    }

    @Test
    void selectsTheSameSupportVectorsAsScikitLearn() {
        svm_model model = IrisTrainer.train();

        // clf.support_ of scikit-learn's SVC(gamma=0.001, C=100.) fitted on the first 149 rows,
        // 0-based; LIBSVM numbers training rows from 1. Row 149, held out, is not among them.
        int[] scikitLearnSupport = {
            23, 24, 41, 44, 50, 52, 54, 55, 56, 57, 63, 66, 68, 70, 72, 73, 76, 77, 78, 83, 84, 85, 86,
            87, 91, 93, 98, 101, 106, 110, 111, 113, 116, 119, 121, 123, 126, 127, 129, 133, 134, 137,
            138, 141, 142, 146, 147,
        };
        int[] indices = new int[svm.svm_get_nr_sv(model)];
        svm.svm_get_sv_indices(model, indices);
        assertThat(IntStream.of(indices).map(index -> index - 1).sorted().toArray())
                .containsExactly(scikitLearnSupport);
        assertThat(model.nSV).containsExactly(4, 23, 20);
    }
}
