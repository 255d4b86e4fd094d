package org.fwbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/java-home.sh, which ./fwbench, ./mvnw and .ci/run use to find a JDK 21+, against fake JDK
 * folders: JAVA_HOME first, then the JVM folders, and one clear line when none is new enough.
 */
class JavaHomeScriptTest {

    private static final Path SCRIPT = Path.of("..", "scripts", "java-home.sh").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void javaHomeWinsWhenItIsNewEnough() throws Exception {
        Path old = jdk("jdk-17", "17.0.15");
        Path mine = jdk("jdk-21", "21.0.8");
        jdk("jdk-25", "25.0.3");

        Result r = find(mine, old.getParent());

        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout().strip()).isEqualTo(mine.toString());
    }

    @Test
    void anOldJavaHomeIsPassedOverForANewerJdkInTheJvmFolders() throws Exception {
        Path old = jdk("jdk-17", "17.0.15");
        Path newer = jdk("jdk-25", "25.0.3");

        Result r = find(old, old.getParent());

        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout().strip()).isEqualTo(newer.toString());
    }

    @Test
    void withoutAJdk21ItSaysWhatItFoundAndWhatToInstallInOneLine() throws Exception {
        Path old = jdk("jdk-17", "17.0.15");

        Result r = find(old, old.getParent());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr().strip().lines()).hasSize(1);
        assertThat(r.stderr()).contains("needs a JDK 21 or newer", old + " (Java 17)", "install");
    }

    /** A folder that looks like a JDK: a release file and bin/java, bin/javac. */
    private Path jdk(String name, String version) throws IOException {
        Path home = dir.resolve("jvm").resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
        for (String tool : new String[] {"java", "javac"}) {
            Path exe = home.resolve("bin").resolve(tool);
            Files.writeString(exe, "#!/bin/sh\necho 'openjdk version \"" + version + "\"' >&2\n");
            Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return home.toRealPath();
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private Result find(Path javaHome, Path jvmDirs) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c",
                ". \"$0\" && fwbench_find_jdk && echo \"$JAVA_HOME\"", SCRIPT.toString());
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().put("HOME", dir.toString());
        pb.environment().put("JAVA_HOME", javaHome.toString());
        pb.environment().put("FWBENCH_JVM_DIRS", jvmDirs.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out, err);
    }
}
