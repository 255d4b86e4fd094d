package org.fwbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.fwbench.result.ResultsFile;
import org.fwbench.result.RunResult;
import org.fwbench.threshold.Threshold;
import org.fwbench.threshold.Violation;

/** Saved results as the commands that read them need them: loaded with one-line errors, checked against limits. */
final class Results {

    private Results() {
    }

    static RunResult read(Path file) {
        try {
            return ResultsFile.read(file);
        } catch (ResultsFile.UnreadableResultsException e) {
            throw new UsageException(e.getMessage());
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
