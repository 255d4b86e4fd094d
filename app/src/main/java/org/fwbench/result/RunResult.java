package org.fwbench.result;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one {@code fwbench run} measured.
 *
 * @param schemaVersion  bumped on any incompatible change of these records
 * @param suite          the suite's name
 * @param suiteFile      the suite file as given
 * @param commandLine    the exact arguments fwbench was started with
 * @param targets        one entry per selected target, in the order they were run
 * @param rankings       per scenario and metric, which target ranks where (ties shared)
 * @param interference   steal time and other processes' CPU over the run's measurements; null before analysis
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
        List<ScenarioRanking> rankings,
        RunInterference interference) {

    /**
     * 2: measurements carry their start, round, warm-up, disturbance and fixed-rate cost; summaries are two-level;
     * latency summaries have p95.
     */
    public static final int SCHEMA_VERSION = 2;

    public RunResult {
        commandLine = List.copyOf(commandLine);
        targets = List.copyOf(targets);
        rankings = List.copyOf(rankings);
    }

    /** The same run with these rankings and this interference summary, which are computed from the run itself. */
    /** The same run with these targets' results in place of its own. */
    public RunResult withTargets(List<TargetResult> newTargets) {
        return new RunResult(schemaVersion, suite, suiteFile, startedAtMillis, endedAtMillis, commandLine,
                environment, settings, newTargets, rankings, interference);
    }

    public RunResult withAnalysis(List<ScenarioRanking> newRankings, RunInterference newInterference) {
        return new RunResult(schemaVersion, suite, suiteFile, startedAtMillis, endedAtMillis, commandLine,
                environment, settings, targets, newRankings, newInterference);
    }

    /** The named target's result on the named scenario, if the run had both. */
    public Optional<ScenarioResult> cell(String target, String scenario) {
        return targets.stream().filter(t -> t.name().equals(target)).findFirst().flatMap(t -> t.scenario(scenario));
    }

    /** Per scenario, the rate its fixed-rate measurements ran at (the same for every target); none when there were none. */
    public Map<String, Double> fixedRates() {
        Map<String, Double> rates = new LinkedHashMap<>();
        targets.forEach(t -> t.scenarios().forEach(s -> s.fixedRate().ifPresent(r -> rates.putIfAbsent(s.scenario(), r))));
        return rates;
    }

    /** Every target measured on the scenario (at least one repeat), in run order. */
    public List<Cell> measured(String scenario) {
        return targets.stream().flatMap(t -> t.scenario(scenario).filter(s -> s.summary() != null)
                .map(s -> new Cell(t, s)).stream()).toList();
    }

    /** Whether a target or a scenario failed; a skipped target (not installed) is no failure. */
    public boolean anyFailed() {
        return targets.stream().anyMatch(t -> t.status() == TargetResult.Status.FAILED
                || t.scenarios().stream().anyMatch(s -> s.status() == ScenarioResult.Status.FAILED));
    }

    /** The scenario names measured, in suite order, over all targets. */
    public List<String> scenarioNames() {
        return targets.stream().flatMap(t -> t.scenarios().stream()).map(ScenarioResult::scenario).distinct().toList();
    }
}
