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
        Path spool = StdinSpool.create(new ByteArrayInputStream("a\n1\n".getBytes(StandardCharsets.UTF_8)),
                folder.resolve("preds.csv"), InputFormat.CSV);
        Path userFile = Files.writeString(folder.resolve("in.csv"), "a\n1\n");

        assertThat(spool.getParent()).isEqualTo(folder);
        assertThat(spool.getFileName().toString()).matches("\\.preds\\.csv\\.stdin-[0-9a-f]{8}\\.csv");
        assertThat(spool).hasContent("a\n1");
        assertThat(StdinSpool.isSpool(spool)).isTrue();
        assertThat(StdinSpool.isSpool(userFile)).isFalse();

        StdinSpool.deleteIfSpool(userFile);
        StdinSpool.deleteIfSpool(spool);

        assertThat(userFile).exists();
        assertThat(spool).doesNotExist();
    }
}
