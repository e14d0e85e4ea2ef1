package io.predictionbatch.app.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StdinSpoolTest {

    @TempDir
    Path folder;

    @Test
    void keepsStandardInputBesideTheOutputAndRemovesOnlySuchACopy() throws Exception {
        Path output = folder.resolve("preds.csv");
        Path spool = StdinSpool.create(new ByteArrayInputStream("a\n1\n".getBytes(StandardCharsets.UTF_8)),
                output, InputFormat.CSV);
        Path userFile = Files.writeString(folder.resolve("in.csv"), "a\n1\n");

        assertThat(spool.getParent()).isEqualTo(folder);
        assertThat(spool.getFileName().toString()).matches("\\.preds\\.csv\\.stdin-[0-9a-f]{8}\\.csv");
        assertThat(spool).hasContent("a\n1");
        assertThat(StdinSpool.isSpool(spool, output)).isTrue();
        assertThat(StdinSpool.isSpool(spool, folder.resolve("other.csv"))).as("another output's").isFalse();
        assertThat(StdinSpool.isSpool(userFile, output)).isFalse();

        StdinSpool.deleteIfSpool(userFile, output);
        StdinSpool.deleteIfSpool(spool, output);

        assertThat(userFile).exists();
        assertThat(spool).doesNotExist();
    }
}
