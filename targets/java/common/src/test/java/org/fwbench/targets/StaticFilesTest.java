package org.fwbench.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StaticFilesTest {

    @Test
    void theStyleSheetIsExactly100KiB() {
        assertThat(StaticFiles.bytes(StaticFiles.STYLE_SHEET)).hasSize(102_400);
    }

    @Test
    void extractsTheFilesIntoADirectory() throws Exception {
        Path dir = StaticFiles.extractedDirectory();

        assertThat(Files.readAllBytes(dir.resolve(StaticFiles.STYLE_SHEET)))
                .isEqualTo(StaticFiles.bytes(StaticFiles.STYLE_SHEET));
    }

    @Test
    void readsVersionsFromThePomPropertiesOfALibrary() {
        assertThat(Versions.fromPom("io.pebbletemplates", "pebble")).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(Versions.fromPom("no.such", "artifact")).isEqualTo("unknown");
    }
}
