package io.predictionbatch.model.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.predictionbatch.model.FieldViolation;
import io.predictionbatch.model.SchemaValidationException;
import io.predictionbatch.model.binding.TestInputs.DatedInput;
import io.predictionbatch.model.binding.TestInputs.FlowerBean;
import io.predictionbatch.model.binding.TestInputs.IrisInput;
import io.predictionbatch.model.binding.TestInputs.MixedInput;
import io.predictionbatch.model.binding.TestInputs.Opaque;
import io.predictionbatch.model.binding.TestInputs.Species;
import io.predictionbatch.model.binding.TestInputs.ValidatingInput;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RecordBinderTextTest {

    private final RecordBinder<IrisInput> iris = RecordBinder.forType(IrisInput.class);
    private final RecordBinder<MixedInput> mixed = RecordBinder.forType(MixedInput.class);

    @Test
    void listsJsonFieldNamesInDeclarationOrder() {
        assertThat(iris.fieldNames()).containsExactly("sepal_length", "sepal_width", "petal_length", "petal_width");
        assertThat(mixed.fieldNames())
                .containsExactly("count", "total", "level", "label", "species", "active", "weight", "price", "ratio");
    }

    @Test
    void bindsCsvRowToRecord() {
        IrisInput input = iris.bindText(irisRow("5.1", "3.5", "1.4", "0.2"));

        assertThat(input).isEqualTo(new IrisInput(5.1, 3.5, 1.4, 0.2));
    }

    @Test
    void cachesOneBinderPerType() {
        assertThat(RecordBinder.forType(IrisInput.class)).isSameAs(iris);
    }

    @Test
    void rejectsNonNumericFieldNamingFieldAndValue() {
        assertThatThrownBy(() -> iris.bindText(irisRow("5.1", "3.5", "1.4", "asdfg")))
                .isInstanceOfSatisfying(SchemaValidationException.class, e -> assertThat(e.violations())
                        .containsExactly(new FieldViolation("petal_width", "asdfg", "is not a number")))
                .hasMessage("petal_width: 'asdfg' is not a number");
    }

    @Test
    void reportsEveryBadFieldOfARecord() {
        Map<String, String> row = new HashMap<>();
        row.put("sepal_width", "");
        row.put("petal_length", "NaN");
        row.put("petal_width", "x1");

        assertThatThrownBy(() -> iris.bindText(row))
                .isInstanceOfSatisfying(SchemaValidationException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::toString)
                        .containsExactly("sepal_length: is missing",
                                "sepal_width: is empty",
                                "petal_length: 'NaN' is not a finite number",
                                "petal_width: 'x1' is not a number"));
    }

    @Test
    void reportsNullTextAsNull() {
        Map<String, String> row = irisRow("5.1", "3.5", "1.4", "0.2");
        row.put("sepal_length", null);

        assertThat(violations(() -> iris.bindText(row))).containsExactly("sepal_length: is null");
    }

    @Test
    void rejectsInfinityAsNotFiniteAndOverflowAsOutOfRange() {
        assertThat(violations(() -> iris.bindText(irisRow("Infinity", "-inf", "1e400", "+NaN")))).containsExactly(
                "sepal_length: 'Infinity' is not a finite number",
                "sepal_width: '-inf' is not a finite number",
                "petal_length: '1e400' is out of range: must be between -1.7976931348623157E308 and"
                        + " 1.7976931348623157E308",
                "petal_width: '+NaN' is not a finite number");
    }

    @Test
    void rejectsNumberSyntaxOnlyJavaAccepts() {
        assertThat(violations(() -> iris.bindText(irisRow("1d", "0x1p3", "1,5", "1.2.3")))).containsExactly(
                "sepal_length: '1d' is not a number",
                "sepal_width: '0x1p3' is not a number",
                "petal_length: '1,5' is not a number",
                "petal_width: '1.2.3' is not a number");
    }

    @Test
    void acceptsPlainNumberForms() {
        assertThat(iris.bindText(irisRow("-3", "+2.5", "1e-3", ".5")))
                .isEqualTo(new IrisInput(-3, 2.5, 0.001, 0.5));
    }

    @Test
    void ignoresWhitespaceAroundNumbers() {
        assertThat(iris.bindText(irisRow(" 5.1", "3.5 ", "\t1.4", "0.2"))).isEqualTo(new IrisInput(5.1, 3.5, 1.4, 0.2));
    }

    @Test
    void reportsBlankNumberAsEmpty() {
        assertThat(violations(() -> iris.bindText(irisRow("  ", "3.5", "1.4", "0.2"))))
                .containsExactly("sepal_length: is empty");
    }

    @Test
    void ignoresExtraFields() {
        Map<String, String> row = irisRow("5.1", "3.5", "1.4", "0.2");
        row.put("id", "17");
        row.put("comment", "not a number at all");

        assertThat(iris.bindText(row)).isEqualTo(new IrisInput(5.1, 3.5, 1.4, 0.2));
    }

    @Test
    void bindsEveryScalarKind() {
        MixedInput input = mixed.bindText(mixedRow());

        assertThat(input).isEqualTo(new MixedInput(3, 12345678901L, (byte) 7, "a label", Species.VERSICOLOR, true,
                2.5, new BigDecimal("19.99"), 0.25f));
    }

    @Test
    void acceptsIntegerWrittenWithZeroFraction() {
        Map<String, String> row = mixedRow();
        row.put("count", "4.0");
        row.put("total", "1e3");

        assertThat(mixed.bindText(row)).satisfies(input -> {
            assertThat(input.count()).isEqualTo(4);
            assertThat(input.total()).isEqualTo(1000L);
        });
    }

    @Test
    void rejectsFractionalValueForIntegerField() {
        Map<String, String> row = mixedRow();
        row.put("count", "4.5");

        assertThat(violations(() -> mixed.bindText(row))).containsExactly("count: '4.5' is not an integer");
    }

    @Test
    void rejectsIntegerOutOfRange() {
        Map<String, String> row = mixedRow();
        row.put("count", "3000000000");
        row.put("total", "1e999999999");
        row.put("level", "200");

        assertThat(violations(() -> mixed.bindText(row))).containsExactly(
                "count: '3000000000' is out of range: must be between -2147483648 and 2147483647",
                "total: '1e999999999' is out of range: must be between -9223372036854775808 and 9223372036854775807",
                "level: '200' is out of range: must be between -128 and 127");
    }

    @Test
    void rejectsFloatBeyondItsRange() {
        Map<String, String> row = mixedRow();
        row.put("ratio", "1e39");

        assertThat(violations(() -> mixed.bindText(row)))
                .containsExactly("ratio: '1e39' is out of range: must be between -3.4028235E38 and 3.4028235E38");
    }

    @Test
    void rejectsUnknownEnumValueListingAllowedValues() {
        Map<String, String> row = mixedRow();
        row.put("species", "SETOSA");

        assertThat(violations(() -> mixed.bindText(row)))
                .containsExactly("species: 'SETOSA' is not one of: setosa, versicolor, virginica");
    }

    @Test
    void acceptsBooleanInAnyCaseButNothingElse() {
        Map<String, String> row = mixedRow();
        row.put("active", "FALSE");
        assertThat(mixed.bindText(row).active()).isFalse();

        row.put("active", "yes");
        assertThat(violations(() -> mixed.bindText(row))).containsExactly("active: 'yes' is not a boolean (true or false)");
    }

    @Test
    void keepsStringsAsWrittenButRejectsEmptyOnes() {
        Map<String, String> row = mixedRow();
        row.put("label", "  padded ");
        assertThat(mixed.bindText(row).label()).isEqualTo("  padded ");

        row.put("label", "");
        assertThat(violations(() -> mixed.bindText(row))).containsExactly("label: is empty");
    }

    @Test
    void leavesNullableFieldNullWhenMissingOrEmpty() {
        Map<String, String> row = mixedRow();
        row.remove("weight");
        assertThat(mixed.bindText(row).weight()).isNull();

        row.put("weight", "");
        assertThat(mixed.bindText(row).weight()).isNull();

        row.put("weight", "heavy");
        assertThat(violations(() -> mixed.bindText(row))).containsExactly("weight: 'heavy' is not a number");
    }

    @Test
    void readsOtherTypesWithJackson() {
        RecordBinder<DatedInput> binder = RecordBinder.forType(DatedInput.class);

        assertThat(binder.bindText(Map.of("day", "2024-02-29"))).isEqualTo(new DatedInput(LocalDate.of(2024, 2, 29), null));
        assertThat(violations(() -> binder.bindText(Map.of("day", "2023-02-29"))))
                .singleElement().asString().startsWith("day: '2023-02-29' is not a valid LocalDate: ");
    }

    @Test
    void abbreviatesLongValues() {
        String longText = "x".repeat(100);

        assertThat(violations(() -> iris.bindText(irisRow(longText, "1", "1", "1"))))
                .containsExactly("sepal_length: '" + "x".repeat(60) + "…' is not a number");
    }

    @Test
    void reportsInputTypeOwnValidationAsViolation() {
        RecordBinder<ValidatingInput> binder = RecordBinder.forType(ValidatingInput.class);

        assertThat(violations(() -> binder.bindText(Map.of("sepal_length", "-1"))))
                .containsExactly("$: is rejected by ValidatingInput: sepal_length must not be negative");
    }

    @Test
    void bindsBeanThroughItsSetters() {
        RecordBinder<FlowerBean> binder = RecordBinder.forType(FlowerBean.class);

        FlowerBean bean = binder.bindText(Map.of("name", "rose", "petal_count", "5"));

        assertThat(binder.fieldNames()).containsExactly("name", "petal_count", "colour");
        assertThat(bean.getName()).isEqualTo("rose");
        assertThat(bean.getPetalCount()).isEqualTo(5);
        assertThat(bean.getColour()).as("an absent optional field keeps the bean's default").isEqualTo("green");
    }

    @Test
    void reportsSetterValidationAgainstItsField() {
        RecordBinder<FlowerBean> binder = RecordBinder.forType(FlowerBean.class);

        assertThat(violations(() -> binder.bindText(Map.of("name", "rose", "petal_count", "500"))))
                .containsExactly("petal_count: '500' is rejected by FlowerBean: too many petals");
    }

    @Test
    void refusesTypeWithoutSettableProperties() {
        assertThatThrownBy(() -> RecordBinder.forType(Opaque.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Opaque.class.getName());
        assertThatThrownBy(() -> RecordBinder.forType(String.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a record or a bean");
    }

    @Test
    void bindsRowsByColumnPositionAsItBindsTheSameRowsByName() {
        List<String> header = List.of("id", "petal_width", "sepal_length", "unused", "petal_length", "sepal_width");
        RecordBinder<IrisInput>.Columns byPosition = iris.forColumns(header);
        List<String[]> rows = List.of(
                new String[] {"1", "0.2", "5.1", "x", "1.4", "3.5"},
                new String[] {"2", "0.2", "asdfg", "", " 1.4", "Infinity"},
                new String[] {"3", "0.2", null, "x", "1.4", "3.5"},
                new String[] {"4", "0.2", "5.1"});

        for (String[] row : rows) {
            Map<String, String> byName = new HashMap<>();
            for (int i = 0; i < row.length; i++) {
                byName.put(header.get(i), row[i]);
            }
            assertThat(outcome(() -> byPosition.bind(row))).isEqualTo(outcome(() -> iris.bindText(byName)));
        }
        assertThat(byPosition.bind(rows.get(0))).isEqualTo(new IrisInput(5.1, 3.5, 1.4, 0.2));
        assertThat(violations(() -> byPosition.bind(rows.get(3))))
                .containsExactly("sepal_width: is missing", "petal_length: is missing");
        assertThat(violations(() -> iris.forColumns(List.of("id")).bind(new String[] {"1"}))).hasSize(4);
    }

    /** The bound input, or the violations that refused it. */
    private static Object outcome(java.util.function.Supplier<?> binding) {
        try {
            return binding.get();
        } catch (SchemaValidationException e) {
            return e.violations();
        }
    }

    @Test
    void sharedBinderBindsCorrectlyFromManyThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        String v = thread + "." + i;
                        IrisInput input = iris.bindText(irisRow(v, v, v, v));
                        if (input.petalWidth() != Double.parseDouble(v)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static Map<String, String> irisRow(String sepalLength, String sepalWidth, String petalLength, String petalWidth) {
        Map<String, String> row = new HashMap<>();
        row.put("sepal_length", sepalLength);
        row.put("sepal_width", sepalWidth);
        row.put("petal_length", petalLength);
        row.put("petal_width", petalWidth);
        return row;
    }

    private static Map<String, String> mixedRow() {
        Map<String, String> row = new HashMap<>();
        row.put("count", "3");
        row.put("total", "12345678901");
        row.put("level", "7");
        row.put("label", "a label");
        row.put("species", "versicolor");
        row.put("active", "true");
        row.put("weight", "2.5");
        row.put("price", "19.99");
        row.put("ratio", "0.25");
        return row;
    }

    static List<String> violations(Runnable binding) {
        try {
            binding.run();
        } catch (SchemaValidationException e) {
            return e.violations().stream().map(FieldViolation::toString).toList();
        }
        throw new AssertionError("expected a SchemaValidationException");
    }
}
