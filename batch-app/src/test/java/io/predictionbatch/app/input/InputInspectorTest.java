package io.predictionbatch.app.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputInspectorTest {

    private static final List<String> FIELDS = List.of("a", "b");

    @TempDir
    Path folder;

    @Test
    void readsTheHeaderAndTakesTheFormatFromTheExtension() throws IOException {
        Path file = Files.writeString(folder.resolve("in.csv"), "\uFEFFid, a ,b\n1,2,3\n");

        InputDescription description = InputInspector.inspect(file, null, FIELDS, "id");

        assertThat(description.format()).isEqualTo(InputFormat.CSV);
        assertThat(description.columns()).containsExactly("id", "a", "b");
    }

    @Test
    void namesTheMissingColumnsAndTheHeaderItFound() throws IOException {
        Path file = Files.writeString(folder.resolve("in.csv"), "id,a\n1,2\n");

        assertThatThrownBy(() -> InputInspector.inspect(file, null, FIELDS, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("lacks column(s) b")
                .hasMessageContaining("the header is: id,a");
    }

    @Test
    void saysWhatAFileIsWhenItIsNotCommaSeparatedUtf8() throws IOException {
        Path semicolons = Files.writeString(folder.resolve("semi.csv"), "a;b\n1;2\n");
        Path tabs = Files.writeString(folder.resolve("tabs.csv"), "a\tb\n1\t2\n");
        Path utf16 = Files.write(folder.resolve("utf16.csv"), "a,b\n1,2\n".getBytes(StandardCharsets.UTF_16));
        Path gzip = folder.resolve("data.csv");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzip))) {
            out.write("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        }

        assertThatThrownBy(() -> InputInspector.inspect(semicolons, null, FIELDS, null))
                .hasMessageContaining("separates its columns with semicolons, not commas");
        assertThatThrownBy(() -> InputInspector.inspect(tabs, null, FIELDS, null))
                .hasMessageContaining("separates its columns with tabs");
        assertThatThrownBy(() -> InputInspector.inspect(utf16, null, FIELDS, null)).hasMessageContaining("is UTF-16");
        assertThatThrownBy(() -> InputInspector.inspect(gzip, null, FIELDS, null)).hasMessageContaining("gzip");
    }

    @Test
    void refusesAKeyColumnThatIsNotInTheHeader() throws IOException {
        Path file = Files.writeString(folder.resolve("in.csv"), "a,b\n1,2\n");

        assertThatThrownBy(() -> InputInspector.inspect(file, null, FIELDS, "id"))
                .hasMessageContaining("Key column 'id' is not in the header");
    }

    @Test
    void refusesAColumnItReadsNamedTwice() throws IOException {
        Path file = Files.writeString(folder.resolve("in.csv"), "a,b,a\n1,2,3\n");
        Path key = Files.writeString(folder.resolve("key.csv"), "id,a,b,id\n1,2,3,4\n");

        assertThatThrownBy(() -> InputInspector.inspect(file, null, FIELDS, null)).hasMessageContaining("'a' twice");
        assertThatThrownBy(() -> InputInspector.inspect(key, null, FIELDS, "id")).hasMessageContaining("'id' twice");
    }

    @Test
    void ignoresUnnamedAndDuplicatedColumnsItDoesNotRead() throws IOException {
        Path file = Files.writeString(folder.resolve("in.csv"), "a,b,species,,,note,note\n1,2,x,,,y,z\n");

        assertThat(InputInspector.inspect(file, null, FIELDS, null).columns())
                .containsExactly("a", "b", "species", "", "", "note", "note");
    }

    @Test
    void refusesMissingEmptyAndUnknownFiles() throws IOException {
        Path empty = Files.createFile(folder.resolve("empty.jsonl"));
        Path unknown = Files.writeString(folder.resolve("data.txt"), "x");

        assertThatThrownBy(() -> InputInspector.inspect(folder.resolve("no.csv"), null, FIELDS, null))
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> InputInspector.inspect(empty, null, FIELDS, null)).hasMessageContaining("is empty");
        assertThatThrownBy(() -> InputInspector.inspect(unknown, null, FIELDS, null))
                .hasMessageContaining("--input-format");
        assertThatThrownBy(() -> InputInspector.inspect(folder, null, FIELDS, null))
                .hasMessageContaining("not a regular file");
    }

    @Test
    void acceptsJsonLinesWithoutLookingAtTheModelsFields() throws IOException {
        Path file = Files.writeString(folder.resolve("in.jsonl"), "{\"z\":1}\n");

        assertThat(InputInspector.inspect(file, null, FIELDS, null).columns()).isEmpty();
    }

    @Test
    void refusesAKeyFieldThatNoneOfTheFirstJsonLinesRecordsHolds() throws IOException {
        Path without = Files.writeString(folder.resolve("without.jsonl"), "{\"a\":1}\n\nnot json\n{\"b\":2}\n");
        Path with = Files.writeString(folder.resolve("with.jsonl"), "\uFEFFnot json\n{\"a\":1}\n{\"id\":7,\"a\":2}\n");

        assertThatThrownBy(() -> InputInspector.inspect(without, null, FIELDS, "id"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Key field 'id' is in none of the first 3 record(s)");
        assertThat(InputInspector.inspect(with, null, FIELDS, "id").format()).isEqualTo(InputFormat.JSONL);
    }
}
