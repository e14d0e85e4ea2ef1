package io.predictionbatch.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseServerFileTest {

    @TempDir
    Path dbDir;

    @Test
    void aWrittenFileReadsBackAndOnlyItsOwnerMayReadTheKey() throws Exception {
        DatabaseServerFile written = new DatabaseServerFile(1234, 40001, "0123abcd");

        written.write(dbDir);

        assertThat(DatabaseServerFile.read(dbDir)).contains(written);
        assertThat(written.url()).isEqualTo("jdbc:h2:tcp://127.0.0.1:40001/0123abcd");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dbDir.resolve(DatabaseServerFile.NAME))))
                .isEqualTo("rw-------");
        try (var files = Files.list(dbDir)) {
            assertThat(files).as("no temporary file is left").hasSize(1);
        }
    }

    @Test
    void noFileAndAHalfWrittenFileMeanNoServer() throws Exception {
        assertThat(DatabaseServerFile.read(dbDir)).isEmpty();

        Files.writeString(dbDir.resolve(DatabaseServerFile.NAME), "pid=12\nport=");

        assertThat(DatabaseServerFile.read(dbDir)).isEmpty();
    }

    @Test
    void aServerWhoseProcessEndedIsStaleAndOneWhoseProcessRunsIsNot() throws Exception {
        Process ended = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        ended.waitFor();

        assertThat(new DatabaseServerFile(ended.pid(), 1, "k").processAlive()).isFalse();
        assertThat(new DatabaseServerFile(ProcessHandle.current().pid(), 1, "k").processAlive()).isTrue();
    }

    @Test
    void aStoppingServerDeletesOnlyItsOwnFile() throws Exception {
        new DatabaseServerFile(2, 40002, "successor").write(dbDir);

        DatabaseServerFile.deleteIfOwnedBy(dbDir, 1);
        assertThat(DatabaseServerFile.read(dbDir)).isPresent();

        DatabaseServerFile.deleteIfOwnedBy(dbDir, 2);
        assertThat(DatabaseServerFile.read(dbDir)).isEmpty();
    }
}
