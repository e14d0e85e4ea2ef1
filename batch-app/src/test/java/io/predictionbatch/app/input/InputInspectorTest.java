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

    /** Inspects with the default dialect of the file's format, as its extension names it. */
    private static InputDescription inspect(Path file, String key) {
        return InputInspector.inspect(file, InputDialect.of(InputFormat.fromExtension(file).orElse(InputFormat.CSV)),
                FIELDS, key);
    }

    @Test
    void readsTheHeaderAndTakesTheFormatFromTheExtension() throws IOException {
        Path file = Files.writeString(folder.resolve("in.csv"), "\uFEFFid, a ,b\n1,2,3\n");

        InputDescription description = inspect(file, "id");

        assertThat(description.format()).isEqualTo(InputFormat.CSV);
        assertThat(description.columns()).containsExactly("id", "a", "b");
    }

    @Test
    void namesTheMissingColumnsAndTheHeaderItFound() throws IOException {
        Path file = Files.writeString(folder.resolve("in.csv"), "id,a\n1,2\n");

        assertThatThrownBy(() -> inspect(file, null))
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

        assertThatThrownBy(() -> inspect(semicolons, null))
                .hasMessageContaining("separates its columns with ';', not ','").hasMessageContaining("--delimiter ';'");
        assertThatThrownBy(() -> inspect(tabs, null))
                .hasMessageContaining("--delimiter 'tab'");
        assertThatThrownBy(() -> inspect(utf16, null)).hasMessageContaining("is UTF-16");
        assertThat(inspect(gzip, null).columns()).as("gzip is read, not refused").containsExactly("a", "b");
    }

    @Test
    void refusesAKeyColumnThatIsNotInTheHeader() throws IOException {
        Path file = Files.writeString(folder.resolve("in.csv"), "a,b\n1,2\n");

        assertThatThrownBy(() -> inspect(file, "id"))
                .hasMessageContaining("Key column 'id' is not in the header");
    }

    @Test
    void refusesAColumnItReadsNamedTwice() throws IOException {
        Path file = Files.writeString(folder.resolve("in.csv"), "a,b,a\n1,2,3\n");
        Path key = Files.writeString(folder.resolve("key.csv"), "id,a,b,id\n1,2,3,4\n");

        assertThatThrownBy(() -> inspect(file, null)).hasMessageContaining("'a' twice");
        assertThatThrownBy(() -> inspect(key, "id")).hasMessageContaining("'id' twice");
    }

    @Test
    void ignoresUnnamedAndDuplicatedColumnsItDoesNotRead() throws IOException {
        Path file = Files.writeString(folder.resolve("in.csv"), "a,b,species,,,note,note\n1,2,x,,,y,z\n");

        assertThat(inspect(file, null).columns())
                .containsExactly("a", "b", "species", "", "", "note", "note");
    }

    @Test
    void refusesMissingAndEmptyFilesAndFolders() throws IOException {
        Path empty = Files.createFile(folder.resolve("empty.jsonl"));

        assertThatThrownBy(() -> inspect(folder.resolve("no.csv"), null))
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> inspect(empty, null)).hasMessageContaining("is empty");
        assertThatThrownBy(() -> inspect(folder, null))
                .hasMessageContaining("not a regular file");
    }

    @Test
    void acceptsJsonLinesWithoutLookingAtTheModelsFields() throws IOException {
        Path file = Files.writeString(folder.resolve("in.jsonl"), "{\"z\":1}\n");

        assertThat(inspect(file, null).columns()).isEmpty();
    }

    @Test
    void refusesAKeyFieldThatNoneOfTheFirstJsonLinesRecordsHolds() throws IOException {
        Path without = Files.writeString(folder.resolve("without.jsonl"), "{\"a\":1}\n\nnot json\n{\"b\":2}\n");
        Path with = Files.writeString(folder.resolve("with.jsonl"), "\uFEFFnot json\n{\"a\":1}\n{\"id\":7,\"a\":2}\n");

        assertThatThrownBy(() -> inspect(without, "id"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Key field 'id' is in none of the first 3 record(s)");
        assertThat(inspect(with, "id").format()).isEqualTo(InputFormat.JSONL);
    }
}
