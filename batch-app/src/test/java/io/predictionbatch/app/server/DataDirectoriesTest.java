package io.predictionbatch.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.predictionbatch.app.config.ApiProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class DataDirectoriesTest {

    @TempDir
    Path root;

    private Path data;
    private Path outside;
    private DataDirectories directories;

    @BeforeEach
    void setUp() throws Exception {
        data = Files.createDirectories(root.resolve("data"));
        outside = Files.createDirectories(root.resolve("outside"));
        Files.writeString(outside.resolve("secret.csv"), "a,b\n");
        Files.writeString(data.resolve("in.csv"), "a,b\n");
        directories = new DataDirectories(new ApiProperties(DataSize.ofKilobytes(1), List.of(data), null));
    }

    @Test
    void takesRelativePathsFromTheFirstDataDirectoryAndAllowsFilesUnderIt() throws Exception {
        assertThat(directories.resolve(Path.of("in.csv"))).isEqualTo(data.resolve("in.csv"));
        assertThatCode(() -> directories.check(data.resolve("in.csv"), "input")).doesNotThrowAnyException();
        assertThatCode(() -> directories.check(data.resolve("new/../out.csv"), "output")).doesNotThrowAnyException();
        Files.createDirectories(data.resolve("sub"));
        assertThatCode(() -> directories.check(data.resolve("sub/not-yet.csv"), "output")).doesNotThrowAnyException();
    }

    @Test
    void refusesPathsOutsideAsTheFileSystemResolvesThem() throws Exception {
        assertThatThrownBy(() -> directories.check(outside.resolve("secret.csv"), "input"))
                .isInstanceOf(PathNotAllowedException.class).hasMessageContaining("outside the server's data directories");
        assertThatThrownBy(() -> directories.check(directories.resolve(Path.of("../outside/secret.csv")), "input"))
                .isInstanceOf(PathNotAllowedException.class);
        Path link = Files.createSymbolicLink(data.resolve("link.csv"), outside.resolve("secret.csv"));
        assertThatThrownBy(() -> directories.check(link, "input")).isInstanceOf(PathNotAllowedException.class);
        Path folderLink = Files.createSymbolicLink(data.resolve("elsewhere"), outside);
        assertThatThrownBy(() -> directories.check(folderLink.resolve("new.csv"), "output"))
                .isInstanceOf(PathNotAllowedException.class);
        assertThatThrownBy(() -> directories.check(root.resolve("data-sibling/x.csv"), "output"))
                .isInstanceOf(PathNotAllowedException.class);
    }

    @Test
    void refusesADataDirectoryThatIsNotThere() {
        assertThatThrownBy(() -> new DataDirectories(new ApiProperties(DataSize.ofKilobytes(1),
                List.of(root.resolve("missing")), null))).isInstanceOf(ServerSetupException.class)
                .hasMessageContaining("prediction.server.data-dirs");
    }
}
