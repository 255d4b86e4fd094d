package org.fwbench.server;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Finds programs the way a shell would, so a missing one is reported before anything starts. */
final class Executables {

    /** Windows finds {@code java} as {@code java.exe}: the suffixes it tries, PATHEXT. */
    private static final List<String> EXTENSIONS = extensions();

    private Executables() {
    }

    private static List<String> extensions() {
        List<String> extensions = new ArrayList<>(List.of(""));
        String pathext = System.getenv("PATHEXT");
        if (pathext != null && File.separatorChar == '\\') {
            extensions.addAll(List.of(pathext.toLowerCase(Locale.ROOT).split(File.pathSeparator)));
        }
        return List.copyOf(extensions);
    }

    /** The first match on PATH. */
    static Optional<Path> find(String program) {
        return find(program, Path.of(""));
    }

    /**
     * The program's path: a name with a separator is taken relative to {@code dir} (the directory
     * the program will run in), a bare name is looked up on PATH.
     */
    static Optional<Path> find(String program, Path dir) {
        if (program.contains(File.separator)) {
            Path p = dir.resolve(program);
            return Files.isRegularFile(p) && Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String entry : path.split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            for (String extension : EXTENSIONS) {
                Path candidate = Path.of(entry, program + extension);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
