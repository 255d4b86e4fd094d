package org.fwbench.result;

import java.util.List;

/**
 * Everything one {@code fwbench run} measured.
 *
 * @param schemaVersion  bumped on any incompatible change of these records
 * @param suite          the suite's name
 * @param suiteFile      the suite file as given
 * @param commandLine    the exact arguments fwbench was started with
 * @param targets        one entry per selected target, in the order they were run
 * @param rankings       per scenario and metric, which target ranks where (ties shared)
 */
public record RunResult(
        int schemaVersion,
        String suite,
        String suiteFile,
        long startedAtMillis,
        long endedAtMillis,
        List<String> commandLine,
        Environment environment,
        RunSettings settings,
        List<TargetResult> targets,
        List<ScenarioRanking> rankings) {

    public static final int SCHEMA_VERSION = 1;

    public RunResult {
        commandLine = List.copyOf(commandLine);
        targets = List.copyOf(targets);
        rankings = List.copyOf(rankings);
    }

    /** The scenario names measured, in suite order, over all targets. */
    public List<String> scenarioNames() {
        return targets.stream().flatMap(t -> t.scenarios().stream()).map(ScenarioResult::scenario).distinct().toList();
    }
}
