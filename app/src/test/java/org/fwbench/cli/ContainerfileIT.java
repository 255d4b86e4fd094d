package org.fwbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.fwbench.result.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image's layout without a container runtime: what the Containerfile copies exists after the build, and
 * the files laid out as it lays them out, run with its entry point, make a working fwbench.
 */
class ContainerfileIT {

    private static final Path CONTAINERFILE = FwbenchProcess.HOME.resolve("Containerfile");
    private static final Pattern COPY = Pattern.compile("(?m)^COPY (\\S+) (\\S+)$");
    private static final Pattern ENTRYPOINT = Pattern.compile("(?m)^ENTRYPOINT (\\[.*])$");

    @TempDir
    Path root;

    @Test
    void theCopiedFilesRunAsTheEntryPointSays() throws Exception {
        String file = Files.readString(CONTAINERFILE);
        Matcher copy = COPY.matcher(file);
        int copies = 0;
        while (copy.find()) {
            Path from = FwbenchProcess.HOME.resolve(copy.group(1));
            assertThat(from).as("built before the image").exists();
            Path to = root.resolve(copy.group(2).substring(1));
            if (Files.isDirectory(from)) {
                Files.createDirectories(to);
                try (Stream<Path> jars = Files.list(from)) {
                    for (Path jar : jars.toList()) {
                        Files.copy(jar, to.resolve(jar.getFileName()));
                    }
                }
            } else {
                Files.createDirectories(to.getParent());
                Files.copy(from, to);
            }
            copies++;
        }
        assertThat(copies).isEqualTo(2);
        Matcher entry = ENTRYPOINT.matcher(file);
        assertThat(entry.find()).isTrue();
        List<String> argv = new ArrayList<>();
        for (String arg : Json.MAPPER.readValue(entry.group(1), new TypeReference<List<String>>() { })) {
            argv.add(arg.equals("java") ? ProcessHandle.current().info().command().orElse("java")
                    : arg.startsWith("/") ? root.resolve(arg.substring(1)).toString() : arg);
        }
        argv.add("--version");

        Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectInput(new File("/dev/null")).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("fwbench");
    }
}
