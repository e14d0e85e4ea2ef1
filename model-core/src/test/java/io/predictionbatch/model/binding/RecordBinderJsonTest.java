package io.predictionbatch.model.binding;

import static io.predictionbatch.model.binding.RecordBinderTextTest.violations;
import static org.assertj.core.api.Assertions.assertThat;

import io.predictionbatch.model.binding.TestInputs.DatedInput;
import io.predictionbatch.model.binding.TestInputs.IrisInput;
import io.predictionbatch.model.binding.TestInputs.MixedInput;
import io.predictionbatch.model.binding.TestInputs.Species;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RecordBinderJsonTest {

    private static final String OUT_OF_RANGE =
            "is out of range: must be between -1.7976931348623157E308 and 1.7976931348623157E308";

    private static final String IRIS = "{\"sepal_length\":5.1,\"sepal_width\":3.5,\"petal_length\":1.4,\"petal_width\":0.2}";

    private final RecordBinder<IrisInput> iris = RecordBinder.forType(IrisInput.class);
    private final RecordBinder<MixedInput> mixed = RecordBinder.forType(MixedInput.class);

    @Test
    void bindsJsonLine() {
        assertThat(iris.bindJson(IRIS)).isEqualTo(new IrisInput(5.1, 3.5, 1.4, 0.2));
    }

    @Test
    void bindsParsedJsonNode() {
        assertThat(iris.bindJson(tree(IRIS))).isEqualTo(new IrisInput(5.1, 3.5, 1.4, 0.2));
    }

    @Test
    void acceptsIntegerJsonNumbersForDoubleFields() {
        assertThat(iris.bindJson("{\"sepal_length\":5,\"sepal_width\":3,\"petal_length\":1,\"petal_width\":0}"))
                .isEqualTo(new IrisInput(5, 3, 1, 0));
    }

    @Test
    void acceptsJsonStringHoldingNumber() {
        String line = "{\"sepal_length\":\"5.1\",\"sepal_width\":\" 3.5 \",\"petal_length\":1.4,\"petal_width\":0.2}";

        assertThat(iris.bindJson(line)).isEqualTo(new IrisInput(5.1, 3.5, 1.4, 0.2));
        assertThat(iris.bindJson(tree(line))).isEqualTo(new IrisInput(5.1, 3.5, 1.4, 0.2));
    }

    @Test
    void rejectsBooleanWhereNumberExpected() {
        String line = "{\"sepal_length\":5.1,\"sepal_width\":3.5,\"petal_length\":1.4,\"petal_width\":true}";

        assertThat(violations(() -> iris.bindJson(line)))
                .containsExactly("petal_width: 'true' must be a number, not a boolean");
        assertThat(violations(() -> iris.bindJson(tree(line))))
                .containsExactly("petal_width: 'true' must be a number, not a boolean");
    }

    @Test
    void reportsEveryBadFieldOfAJsonObjectInFieldOrder() {
        String line = "{\"petal_width\":[1,2],\"petal_length\":{\"cm\":1.4},\"sepal_width\":\"asdfg\",\"sepal_length\":null}";
        String[] expected = {
            "sepal_length: is null",
            "sepal_width: 'asdfg' is not a number",
            "petal_length: '{\"cm\":1.4}' must be a number, not an object",
            "petal_width: '[1,2]' must be a number, not an array"};

        assertThat(violations(() -> iris.bindJson(line))).containsExactly(expected);
        assertThat(violations(() -> iris.bindJson(tree(line)))).containsExactly(expected);
    }

    @Test
    void reportsMissingFields() {
        assertThat(violations(() -> iris.bindJson("{\"sepal_length\":5.1,\"petal_width\":0.2}")))
                .containsExactly("sepal_width: is missing", "petal_length: is missing");
        assertThat(violations(() -> iris.bindJson(tree("{}"))))
                .containsExactly("sepal_length: is missing", "sepal_width: is missing", "petal_length: is missing",
                        "petal_width: is missing");
    }

    @Test
    void rejectsNonFiniteNumbersAndNamesTooLargeOnesByTheirText() {
        String line = "{\"sepal_length\":NaN,\"sepal_width\":-Infinity,\"petal_length\":1e400,\"petal_width\":\"NaN\"}";
        String huge = "{\"sepal_length\":1e309,\"sepal_width\":" + "9".repeat(400) + ",\"petal_length\":\"-1e309\","
                + "\"petal_width\":0.2}";

        assertThat(violations(() -> iris.bindJson(line))).containsExactly(
                "sepal_length: 'NaN' is not a finite number",
                "sepal_width: '-Infinity' is not a finite number",
                "petal_length: '1e400' " + OUT_OF_RANGE,
                "petal_width: 'NaN' is not a finite number");
        List<String> expected = List.of("sepal_length: '1e309' " + OUT_OF_RANGE,
                "sepal_width: '" + "9".repeat(60) + "…' " + OUT_OF_RANGE, "petal_length: '-1e309' " + OUT_OF_RANGE);
        assertThat(violations(() -> iris.bindJson(huge))).isEqualTo(expected);
        // A tree keeps the number's text only if its mapper kept the exact value (not a double's infinity).
        JsonNode exact = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build()
                .readTree(huge);
        assertThat(violations(() -> iris.bindJson(exact))).containsExactly("sepal_length: '1E+309' " + OUT_OF_RANGE,
                expected.get(1), expected.get(2));
    }

    @Test
    void rejectsALineThatNamesAFieldTwice() {
        assertThat(violations(() -> iris.bindJson("{\"sepal_length\":5.1,\"sepal_width\":3.5,\"petal_length\":1.4,"
                + "\"petal_width\":0.2,\"sepal_length\":9}")))
                .singleElement().asString().contains("is not a valid JSON object: Duplicate Object property \"sepal_length\"");
    }

    @Test
    void showsCharactersOneCannotSee() {
        assertThat(violations(() -> iris.bindJson("{\"sepal_length\":\"5.1\u00a0\",\"sepal_width\":\"3\u200b\","
                + "\"petal_length\":\"1\\u0001\",\"petal_width\":0.2}"))).containsExactly(
                "sepal_length: '5.1\\u00a0' is not a number",
                "sepal_width: '3\\u200b' is not a number",
                "petal_length: '1\\u0001' is not a number");
    }

    @Test
    void ignoresExtraFields() {
        String line = "{\"id\":7,\"sepal_length\":5.1,\"meta\":{\"source\":[1,{\"a\":null}]},\"sepal_width\":3.5,"
                + "\"petal_length\":1.4,\"petal_width\":0.2,\"tags\":[\"x\"]}";

        assertThat(iris.bindJson(line)).isEqualTo(new IrisInput(5.1, 3.5, 1.4, 0.2));
        assertThat(iris.bindJson(tree(line))).isEqualTo(new IrisInput(5.1, 3.5, 1.4, 0.2));
    }

    @Test
    void rejectsBrokenJsonWithSingleViolationOnDollar() {
        assertThat(violations(() -> iris.bindJson("xyz")))
                .singleElement().asString()
                .startsWith("$: 'xyz' is not a valid JSON object: Unrecognized token 'xyz'")
                .doesNotContain("[Source", "line:", "column:");
        assertThat(violations(() -> iris.bindJson("{\"sepal_length\":5.1,")))
                .singleElement().asString()
                .startsWith("$: '{\"sepal_length\":5.1,' is not a valid JSON object: Unexpected end-of-input")
                .doesNotContain("[Source", "line:", "column:");
    }

    @Test
    void rejectsJsonThatIsNotAnObject() {
        assertThat(violations(() -> iris.bindJson("[1,2,3]")))
                .containsExactly("$: '[1,2,3]' is not a valid JSON object: found an array");
        assertThat(violations(() -> iris.bindJson("42")))
                .containsExactly("$: '42' is not a valid JSON object: found a number");
        assertThat(violations(() -> iris.bindJson("")))
                .containsExactly("$: '' is not a valid JSON object: there is no content");
        assertThat(violations(() -> iris.bindJson(tree("[1,2,3]"))))
                .containsExactly("$: '[1,2,3]' is not a valid JSON object: found an array");
    }

    @Test
    void rejectsContentAfterTheObject() {
        assertThat(violations(() -> iris.bindJson(IRIS + " {}")))
                .singleElement().asString().endsWith("is not a valid JSON object: unexpected content after the object");
    }

    @Test
    void abbreviatesLongLines() {
        String line = "[" + "1,".repeat(100) + "1]";

        assertThat(violations(() -> iris.bindJson(line)))
                .containsExactly("$: '" + line.substring(0, 60) + "…' is not a valid JSON object: found an array");
    }

    @Test
    void bindsEveryScalarKindFromJson() {
        String line = "{\"count\":3,\"total\":12345678901,\"level\":7,\"label\":\"a label\",\"species\":\"versicolor\","
                + "\"active\":true,\"weight\":2.5,\"price\":19.99,\"ratio\":0.25}";
        MixedInput expected = new MixedInput(3, 12345678901L, (byte) 7, "a label", Species.VERSICOLOR, true, 2.5,
                new BigDecimal("19.99"), 0.25f);

        assertThat(mixed.bindJson(line)).isEqualTo(expected);
        assertThat(mixed.bindJson(tree(line))).isEqualTo(expected);
    }

    @Test
    void checksJsonKindsPerFieldType() {
        String line = "{\"count\":2.5,\"total\":1.0,\"level\":true,\"label\":42,\"species\":{},\"active\":1,"
                + "\"weight\":null,\"price\":\"abc\",\"ratio\":[]}";
        String[] expected = {
            "count: '2.5' is not an integer",
            "level: 'true' must be an integer, not a boolean",
            "species: '{}' must be one of: setosa, versicolor, virginica, not an object",
            "active: '1' must be a boolean, not a number",
            "price: 'abc' is not a number",
            "ratio: '[]' must be a number, not an array"};

        assertThat(violations(() -> mixed.bindJson(line))).containsExactly(expected);
        assertThat(violations(() -> mixed.bindJson(tree(line)))).containsExactly(expected);
    }

    @Test
    void takesJsonNumberAsTextForStringField() {
        String line = "{\"count\":3,\"total\":1,\"level\":7,\"label\":42,\"species\":\"setosa\","
                + "\"active\":false,\"price\":1,\"ratio\":1}";

        assertThat(mixed.bindJson(line).label()).isEqualTo("42");
        assertThat(mixed.bindJson(line).weight()).as("optional field left out").isNull();
    }

    @Test
    void readsOtherTypesWithJackson() {
        RecordBinder<DatedInput> binder = RecordBinder.forType(DatedInput.class);

        assertThat(binder.bindJson("{\"day\":\"2024-02-29\",\"note\":null}"))
                .isEqualTo(new DatedInput(LocalDate.of(2024, 2, 29), null));
        assertThat(violations(() -> binder.bindJson("{\"day\":{\"y\":2024}}")))
                .singleElement().asString().startsWith("day: '{\"y\":2024}' is not a valid LocalDate: ");
    }

    private static JsonNode tree(String json) {
        return JsonMapper.shared().readTree(json);
    }
}
