package org.fwbench.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void writtenFilesHaveThePermissionsOfAnyNewFileNotTempFiles0600() throws Exception {
        // a plain new file gets 0666 minus the umask: what logs get, and what results must get too
        Path plain = Files.writeString(dir.resolve("plain.log"), "x");
        Path written = dir.resolve("results.json");
        AtomicFiles.write(written, "{}");
        Json.write(dir.resolve("hammer.json"), Map.of("ok", 1));

        assertThat(Files.getPosixFilePermissions(written)).isEqualTo(Files.getPosixFilePermissions(plain))
                .contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(dir.resolve("hammer.json"))).isEqualTo(Files.getPosixFilePermissions(plain));
        assertThat(written).hasContent("{}");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("plain.log", "results.json",
                    "hammer.json");
        }
    }
}
