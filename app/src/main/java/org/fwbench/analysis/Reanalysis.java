package org.fwbench.analysis;

import org.fwbench.result.RunResult;
import org.fwbench.result.TargetResult;

/**
 * Draws a run's analysis again from its measurements: every scenario's summary, the rankings and the run's
 * interference. What the runner does at the end of a run, done for results read from an older schema, whose
 * summaries were drawn by older rules (see {@code org.fwbench.result.ResultsFile}).
 */
public final class Reanalysis {

    private Reanalysis() {
    }

    public static RunResult of(RunResult run) {
        RunResult summarised = run.withTargets(run.targets().stream().map(Reanalysis::summarised).toList());
        return summarised.withAnalysis(Rankings.of(summarised), Interferences.of(summarised));
    }

    private static TargetResult summarised(TargetResult t) {
        return t.withScenarios(t.scenarios().stream()
                .map(s -> s.measurements().isEmpty() ? s : s.withSummary(Summaries.of(s.measurements()))).toList());
    }
}
