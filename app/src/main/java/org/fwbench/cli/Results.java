package org.fwbench.cli;

import java.nio.file.Path;
import org.fwbench.result.ResultsFile;
import org.fwbench.result.RunResult;

/** Saved results as the commands that read them need them: loaded with one-line errors. */
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
}
