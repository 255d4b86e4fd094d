package org.fwbench.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fwbench.report.Json;
import org.fwbench.result.RunResult;
import org.fwbench.threshold.Threshold;
import org.fwbench.threshold.Violation;

/** Saved results as the commands that read them need them: loaded with one-line errors, checked against limits. */
final class Results {

    private Results() {
    }

    static RunResult read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("no results file at " + file);
        }
        try {
            JsonNode tree = Json.MAPPER.readTree(file.toFile());
            JsonNode version = tree == null ? null : tree.get("schemaVersion");
            if (version == null || !version.isInt()) {
                throw new UsageException(file + " is not fwbench results (it has no schemaVersion)");
            }
            if (version.asInt() != RunResult.SCHEMA_VERSION) {
                throw new UsageException(file + " has results of schema version " + version.asInt()
                        + "; this fwbench reads version " + RunResult.SCHEMA_VERSION);
            }
            return Json.MAPPER.treeToValue(tree, RunResult.class);
        } catch (JacksonException e) {
            throw new UsageException(file + " is not fwbench results: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Prints each violated threshold; true when there was any. */
    static boolean violated(List<Threshold> thresholds, RunResult result, PrintWriter out) {
        List<Violation> violations = Threshold.checkAll(thresholds, result);
        violations.forEach(v -> out.println("threshold violated: " + v.describe()));
        out.flush();
        return !violations.isEmpty();
    }
}
