package io.predictionbatch.app.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;

class RowFormatterTest {

    @Test
    void csvQuotesOnlyValuesThatNeedIt() {
        RowFormatter rows = OutputFormat.CSV.rows(List.of("line", "reason", "record"));

        assertThat(rows.header()).hasValue("line,reason,record");
        assertThat(rows.format(new Object[] {3L, "a: 'x' is not a number", "1,x,\"q\"\nz"}))
                .isEqualTo("3,a: 'x' is not a number,\"1,x,\"\"q\"\"\nz\"");
        assertThat(rows.format(new Object[] {4L, null, "plain"})).isEqualTo("4,,plain");
    }

    @Test
    void csvRowsAreWhatCommonsCsvPrintsForThemWhateverTheirValues() {
        RowFormatter rows = OutputFormat.CSV.rows(List.of("a", "b", "c"));
        CSVFormat rfc4180 = CSVFormat.RFC4180.builder().setRecordSeparator("").get();
        Object[][] cases = {
            {1L, "setosa", "1.0.0"},
            {Long.MIN_VALUE, Integer.MAX_VALUE, -7},
            {"#x", 0L, null},
            {null, 42, "a,b"},
            {"", -1L, " padded "},
            {3.5, 1e300, "\"q\""},
            {"-x", ".5", "Zz_9.-"},
            {"a b", "a\tb", "x "},
            {"caf\u00e9", "#", "!x"},
            {"", "", ""},
            {"1.0.0", "x\r", "\u00e9t\u00e9"},
            {"_x", "a", "b"},
            {".5", "-", "_"},
        };
        for (Object[] values : cases) {
            assertThat(rows.format(values)).as(java.util.Arrays.toString(values)).isEqualTo(rfc4180.format(values));
        }
    }

    @Test
    void jsonKeepsValueTypesAndColumnOrder() {
        RowFormatter rows = OutputFormat.JSONL.rows(List.of("line", "id", "species"));

        assertThat(rows.header()).isEmpty();
        assertThat(rows.format(new Object[] {2L, 17, "setosa"})).isEqualTo("{\"line\":2,\"id\":17,\"species\":\"setosa\"}");
        assertThat(rows.format(new Object[] {2L, null, "a\"b"})).isEqualTo("{\"line\":2,\"id\":null,\"species\":\"a\\\"b\"}");
    }

    @Test
    void outputColumnsPutLineAndKeyFirstAndRefuseClashes() {
        assertThat(OutputColumns.of("id", List.of("species"))).containsExactly("line", "id", "species", "model_version");
        assertThat(OutputColumns.of(null, List.of("species"))).containsExactly("line", "species", "model_version");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OutputColumns.of("species", List.of("species")))
                .hasMessageContaining("would appear twice");
    }
}
