package org.fwbench.target;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds programs the way a shell would, so a missing one is reported before anything starts. */
final class Executables {

    private Executables() {
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
            Path candidate = Path.of(entry, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
