package org.fwbench.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A target's template files ({@code files: {nginx.conf: nginx.conf.in}}) filled in before each start: every
 * placeholder of the template replaced, as in its command, and the result written to the per-run folder that
 * {@code ${files}} names. A server configured by a file thus gets its port without a shell wrapper.
 */
public final class TargetFiles {

    private TargetFiles() {
    }

    /**
     * Writes each file of {@code target} into {@code folder}, created if missing.
     *
     * @param placeholders with the port and {@code ${files}} already set
     * @param suiteDir     what the templates' paths are relative to
     * @throws IOException when a template cannot be read or a file written
     */
    public static void fill(TargetDef target, Placeholders placeholders, Path suiteDir, Path folder) throws IOException {
        if (target.files().isEmpty()) {
            return;
        }
        Files.createDirectories(folder);
        for (Map.Entry<String, String> file : target.files().entrySet()) {
            String template = Files.readString(suiteDir.resolve(file.getValue()));
            Files.writeString(folder.resolve(file.getKey()), placeholders.expand(template));
        }
    }
}
