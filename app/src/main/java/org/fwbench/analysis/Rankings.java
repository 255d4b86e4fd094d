package org.fwbench.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fwbench.result.Cell;
import org.fwbench.result.RunResult;
import org.fwbench.result.ScenarioRanking;
import org.fwbench.stats.Ranking;
import org.fwbench.stats.RatioTest;

/**
 * Ranks the targets of each scenario on the {@linkplain Metric#RANKED ranked metrics}, from one sample per start
 * of each target; targets the data cannot separate tie.
 */
public final class Rankings {

    private Rankings() {
    }

    /**
     * Every scenario with at least two targets measured and ok on it, ranked on each metric. A target measured
     * once has no interval, so nothing can be told apart: such a scenario is not ranked at all rather than
     * every target ranked {@code 1=}.
     */
    public static List<ScenarioRanking> of(RunResult run) {
        List<ScenarioRanking> rankings = new ArrayList<>();
        for (String scenario : run.scenarioNames()) {
            List<Cell> cells = run.measured(scenario).stream().filter(c -> c.scenario().ok()).toList();
            for (Metric metric : Metric.RANKED) {
                Map<String, double[]> samples = new LinkedHashMap<>();
                Map<String, int[]> rounds = new LinkedHashMap<>();
                // One sample per start (its mean): measurements of one start share its luck (see Metric#rankingSamples).
                cells.forEach(c -> metric.rankingSamples(c.scenario()).ifPresent(v -> {
                    if (samples.putIfAbsent(c.targetName(), v) == null) {
                        metric.rankingRounds(c.scenario()).ifPresent(r -> rounds.put(c.targetName(), r));
                    }
                }));
                // A target with a single sample has no interval: nothing can be ranked then (--repeat 1).
                if (samples.size() >= 2 && samples.values().stream().allMatch(s -> s.length >= 2)) {
                    rankings.add(ranking(scenario, metric, samples, rounds));
                }
            }
        }
        return rankings;
    }

    private static ScenarioRanking ranking(String scenario, Metric metric, Map<String, double[]> samples,
            Map<String, int[]> rounds) {
        Ranking ranking = Ranking.of(samples, rounds, metric.higherIsBetter());
        List<Ranking.Entry> entries = ranking.entries();
        List<ScenarioRanking.Rank> ranks = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Ranking.Entry e = entries.get(i);
            RatioTest vsNext = i + 1 < entries.size()
                    ? ranking.compare(e.name(), entries.get(i + 1).name()) : null;
            ranks.add(new ScenarioRanking.Rank(e.name(), e.rank(), e.tied(), e.estimate().median(), vsNext));
        }
        return new ScenarioRanking(scenario, metric.rankingKey(), metric.higherIsBetter(), ranks);
    }
}
