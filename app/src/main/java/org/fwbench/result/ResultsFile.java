package org.fwbench.result;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A run's {@code results.json}: written atomically, read back only when its {@code schemaVersion} is one this
 * fwbench knows, so that a file of another version is refused with a clear message instead of half read.
 */
public final class ResultsFile {

    private ResultsFile() {
    }

    /** Writes the results; readers see the old file or the whole new one, never a half-written one. */
    public static void write(Path file, RunResult result) throws IOException {
        Json.write(file, result);
    }

    /**
     * Reads saved results. A file of schema version 1 comes back in version 2's shape without summaries,
     * rankings or interference ({@link RunResult#schemaVersion()} still says 1): the analysis draws them again.
     *
     * @throws UnreadableResultsException with a one-line message for the user when the file is missing, is not
     *         fwbench results, or has a schema version this fwbench does not read
     */
    public static RunResult read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UnreadableResultsException("no results file at " + file);
        }
        try {
            JsonNode tree = Json.MAPPER.readTree(file.toFile());
            JsonNode version = tree == null ? null : tree.get("schemaVersion");
            if (version == null || !version.isInt()) {
                throw new UnreadableResultsException(file + " is not fwbench results (it has no schemaVersion)");
            }
            if (version.asInt() == SchemaOne.VERSION && tree instanceof ObjectNode run) {
                tree = SchemaOne.upgrade(run);
            } else if (version.asInt() != RunResult.SCHEMA_VERSION) {
                throw new UnreadableResultsException(file + " has results of schema version " + version.asInt()
                        + "; this fwbench reads versions " + SchemaOne.VERSION + " and " + RunResult.SCHEMA_VERSION);
            }
            return Json.MAPPER.treeToValue(tree, RunResult.class);
        } catch (JacksonException e) {
            throw new UnreadableResultsException(file + " is not fwbench results: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UnreadableResultsException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Saved results that cannot be used; the message is meant for the user as it is. */
    public static final class UnreadableResultsException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        UnreadableResultsException(String message) {
            super(message);
        }
    }
}
