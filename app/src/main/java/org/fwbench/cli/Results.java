package org.fwbench.cli;

import java.nio.file.Path;
import org.fwbench.analysis.Reanalysis;
import org.fwbench.result.ResultsFile;
import org.fwbench.result.RunResult;

/** Saved results as the commands that read them need them: loaded with one-line errors. */
final class Results {

    private Results() {
    }

    static RunResult read(Path file) {
        try {
            RunResult run = ResultsFile.read(file);
            // An older schema's summaries were drawn by older rules (and lack p95): draw them again.
            return run.schemaVersion() < RunResult.SCHEMA_VERSION ? Reanalysis.of(run) : run;
        } catch (ResultsFile.UnreadableResultsException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
