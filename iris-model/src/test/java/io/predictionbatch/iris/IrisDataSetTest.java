package io.predictionbatch.iris;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class IrisDataSetTest {

    private final List<IrisDataSet.Sample> samples = IrisDataSet.load();

    @Test
    void holdsFiftyRowsOfEachSpeciesInOrder() {
        assertThat(samples).hasSize(150);
        Map<String, Long> counts = samples.stream()
                .collect(Collectors.groupingBy(IrisDataSet.Sample::species, Collectors.counting()));
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(
                Map.of("setosa", 50L, "versicolor", 50L, "virginica", 50L));
        assertThat(samples.get(0).species()).isEqualTo("setosa");
        assertThat(samples.get(50).species()).isEqualTo("versicolor");
        assertThat(samples.get(100).species()).isEqualTo("virginica");
    }

    @Test
    void carriesFishersValuesWhereTheUciCopyIsWrong() {
        // Rows 35 and 38 (1-based) as in Fisher's paper and scikit-learn; UCI has
        // 4.9,3.1,1.5,0.1 for both.
        assertThat(samples.get(34).input()).isEqualTo(new IrisInput(4.9, 3.1, 1.5, 0.2));
        assertThat(samples.get(37).input()).isEqualTo(new IrisInput(4.9, 3.6, 1.4, 0.1));
    }

    @Test
    void columnTotalsMatchScikitLearnsCopy() {
        // Sums in tenths of a centimetre, exact integers, so a single mistyped value shows.
        assertThat(tenths(IrisInput::sepalLength)).isEqualTo(8765);
        assertThat(tenths(IrisInput::sepalWidth)).isEqualTo(4586);
        assertThat(tenths(IrisInput::petalLength)).isEqualTo(5637);
        assertThat(tenths(IrisInput::petalWidth)).isEqualTo(1799);
        assertThat(samples.get(149).input()).isEqualTo(new IrisInput(5.9, 3.0, 5.1, 1.8));
    }

    private long tenths(ToDoubleFunction<IrisInput> column) {
        return samples.stream()
                .map(IrisDataSet.Sample::input)
                .mapToLong(input -> Math.round(column.applyAsDouble(input) * 10))
                .sum();
    }
}
