package org.fwbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The results folder of a run. It never mixes two runs: an earlier run's files there are refused, or
 * with {@code --force} removed first (only the files fwbench writes; anything else in the folder stays).
 */
final class OutFolder {

    /** What a run writes into its folder: any of them there means an earlier run is. */
    static final List<String> RUN_FILES = List.of("results.json", "results.csv", "results.md", "report.html", "logs");

    private OutFolder() {
    }

    /** Makes {@code dir} and its {@code logs/}, after refusing or (forced) removing an earlier run there. */
    static void prepare(Path dir, boolean force) throws IOException {
        List<Path> earlier = RUN_FILES.stream().map(dir::resolve).filter(Files::exists).toList();
        if (!earlier.isEmpty() && !force) {
            throw new UsageException(dir + " holds an earlier run; choose another --out, or add --force to replace it");
        }
        for (Path p : earlier) {
            try (Stream<Path> tree = Files.walk(p)) {
                for (Path f : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
        Files.createDirectories(dir.resolve("logs"));
    }
}
